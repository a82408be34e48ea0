import { LATEST_VERSION, type ServerVersion } from '../../../model/capabilities';
import { DefectSet, type FakeDefect } from '../defects';
import type { FakeAdmission } from '../fake-parts';
import { extendedResourceValidation } from './extended-resources';
import { limitRangerAdmission } from './limit-ranger';
import { podSecurityAdmission } from './pod-security';
import { procMountStrategy } from './proc-mount';
import { quotaUsageWith, resourceQuotaAdmission } from './resource-quota';
import { controllerUsage, type QuotaUsage } from '../quota-status';

export { quotaUsage } from './resource-quota';

/** The quota controller's usage (FakeClusterOptions.quotaUsage), with the seeded quota defects. */
export function createQuotaUsage(options: { defects?: FakeDefect[] } = {}): QuotaUsage {
  const defects = new DefectSet(options.defects);
  return controllerUsage(quotaUsageWith(defects.has('quota-scope-selector-ignored')), defects);
}

/**
 * The admission chain in the API server's order: mutating LimitRanger, then the pod strategy's field
 * drop (ProcMountType) and validation, then the validating plugins with ResourceQuota last, so quota
 * charges the defaulted pod (pkg/kubeapiserver/options/plugins.go AllOrderedPlugins).
 */
export function createFakeAdmission(
  options: {
    defects?: FakeDefect[];
    /** The server Pod Security's "latest" policy is (default LATEST_VERSION). */
    serverVersion?: ServerVersion;
    /** The ProcMountType feature gate (default: its default on the server version). */
    procMountType?: boolean;
  } = {},
): FakeAdmission[] {
  const defects = new DefectSet(options.defects);
  return [
    limitRangerAdmission(defects),
    procMountStrategy(options.serverVersion ?? LATEST_VERSION, options.procMountType),
    extendedResourceValidation,
    podSecurityAdmission(defects, options.serverVersion),
    resourceQuotaAdmission(defects),
  ];
}
