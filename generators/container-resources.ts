import fc from 'fast-check';
import { CROSS_SHRINK } from './shrink-options';
import type { ContainerResources, ResourceAmounts } from '../model/scenario';

/** QoS class a container's cpu/memory settings aim at (pkg/apis/core/v1/helper/qos/qos.go). */
export type QosTarget = 'BestEffort' | 'Burstable' | 'Guaranteed';

export interface ContainerResourcesConstraints {
  qos: QosTarget;
  /** Extended resource names a container may ask for (request = limit). */
  extended?: readonly string[];
  /** Whether ephemeral-storage may be set (default true). */
  ephemeralStorage?: boolean;
}

type Amount = 'cpuMilli' | 'memoryMi' | 'ephemeralStorageMi';

// Small amounts so generated pods schedule on one small node; memory from 16Mi so busybox starts.
const RANGE: Record<Amount, { min: number; max: number }> = {
  cpuMilli: { min: 10, max: 500 },
  memoryMi: { min: 16, max: 256 },
  ephemeralStorageMi: { min: 8, max: 128 },
};

interface Setting {
  request?: number;
  limit?: number;
}

/** None, request only, limit only, or both with limit >= request (validation.go ValidateResourceRequirements). */
function burstable(amount: Amount): fc.Arbitrary<Setting> {
  const { min, max } = RANGE[amount];
  const value = fc.integer({ min, max });
  return fc.oneof(
    CROSS_SHRINK,
    fc.constant({}),
    value.map((request) => ({ request })),
    value.map((limit) => ({ limit })),
    fc
      .tuple(value, fc.integer({ min: 0, max }))
      .map(([request, extra]) => ({ request, limit: request + extra })),
  );
}

/** Limit set, request equal or omitted (a missing request defaults to the limit: pkg/apis/core/v1/defaults.go). */
function guaranteed(amount: Amount): fc.Arbitrary<Setting> {
  const { min, max } = RANGE[amount];
  return fc
    .tuple(fc.integer({ min, max }), fc.boolean())
    .map(([limit, explicit]) => (explicit ? { request: limit, limit } : { limit }));
}

/** Extended resources: integers, request must equal limit, a limit alone defaults the request (validation.go). */
function extendedSetting(): fc.Arbitrary<Setting | undefined> {
  return fc.option(
    fc
      .tuple(fc.integer({ min: 1, max: 3 }), fc.boolean())
      .map(([count, explicit]) => (explicit ? { request: count, limit: count } : { limit: count })),
    { nil: undefined },
  );
}

function assign(target: ResourceAmounts, key: Amount, value: number | undefined): void {
  if (value !== undefined) target[key] = value;
}

/** Requests and limits for one container, valid by construction (limits >= requests, extended request = limit). */
export function containerResources(
  constraints: ContainerResourcesConstraints,
): fc.Arbitrary<ContainerResources> {
  const compute =
    constraints.qos === 'BestEffort'
      ? fc.constant<[Setting, Setting]>([{}, {}])
      : constraints.qos === 'Guaranteed'
        ? fc.tuple(guaranteed('cpuMilli'), guaranteed('memoryMi'))
        : fc.tuple(burstable('cpuMilli'), burstable('memoryMi'));
  const ephemeral =
    constraints.ephemeralStorage === false ? fc.constant<Setting>({}) : burstable('ephemeralStorageMi');
  const names = constraints.extended ?? [];
  return fc
    .tuple(compute, ephemeral, fc.tuple(...names.map(() => extendedSetting())))
    .map(([[cpu, memory], storage, extended]) => {
      const resources: ContainerResources = { requests: {}, limits: {} };
      for (const [key, setting] of [
        ['cpuMilli', cpu],
        ['memoryMi', memory],
        ['ephemeralStorageMi', storage],
      ] as const) {
        assign(resources.requests, key, setting.request);
        assign(resources.limits, key, setting.limit);
      }
      extended.forEach((setting, i) => {
        if (!setting) return;
        if (setting.request !== undefined)
          resources.requests.extended = { ...resources.requests.extended, [names[i]]: setting.request };
        if (setting.limit !== undefined)
          resources.limits.extended = { ...resources.limits.extended, [names[i]]: setting.limit };
      });
      return resources;
    });
}
