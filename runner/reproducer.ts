import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { customResourceApplyLines } from '../generators/manifests/custom-resource';
import { hookHandlerApplyLines } from '../generators/manifests/hook-handler-pod';
import { networkPolicyChange } from '../generators/manifests/networkpolicy';
import { netpolChangeCommand } from '../generators/manifests/networkpolicy-change-command';
import { manifestYaml } from '../generators/manifests/manifest-yaml';
import { podSecurityNamespaceLabels } from '../generators/manifests/policy-manifests';
import type { WireObject } from '../generators/manifests/wire-form';
import type { ManagedObject } from '../harness/cluster-port';
import {
  CASE_ID_LABEL,
  IP_BLOCKS_ANNOTATION,
  KEEP_FINALIZER,
  MANAGED_BY_LABEL,
  RUN_ID_LABEL,
} from '../model/labels';
import { namespaceLabels } from '../model/networkpolicy/topology';
import { NETPOL_NAMESPACES, type Scenario } from '../model/scenario';
import type { CaseReport, ShrinkSummary } from '../reporting/report-types';

/** How a reproducer deletes the pod, when the scenario's behaviour depends on a delete. */
function deleteCommand(scenario: Scenario, namespace: string): string | undefined {
  if (!('pod' in scenario)) return undefined;
  const action = 'delete' in scenario ? scenario.delete : undefined;
  if (action === undefined) return undefined;
  const grace = action.gracePeriodSeconds === undefined ? '' : ` --grace-period=${action.gracePeriodSeconds}`;
  // kubectl turns --grace-period=0 into 1 unless --force is given; the API call kubeprop makes sends 0.
  const force = action.gracePeriodSeconds === 0 ? ' --force' : '';
  return `kubectl delete pod ${scenario.pod.name} -n ${namespace}${grace}${force}`;
}

const MANAGED_KEYS = [MANAGED_BY_LABEL, RUN_ID_LABEL, CASE_ID_LABEL];

/** An object's managed labels (managed-by, run id, case id). */
function managedLabelsOf(object: ManagedObject): Record<string, string> {
  const own = object.metadata?.labels ?? {};
  return Object.fromEntries(MANAGED_KEYS.filter((key) => key in own).map((key) => [key, own[key]]));
}

/** The labels the scenario gives a namespace: Pod Security modes, NetworkPolicy's `ns: x|y|z`. */
function scenarioNamespaceLabels(scenario: Scenario, name: string): Record<string, string> {
  if (scenario.family === 'podsecurity') return podSecurityNamespaceLabels(scenario.labels);
  if (scenario.family === 'networkpolicy') {
    const id = NETPOL_NAMESPACES.find((ns) => name.endsWith(`-${ns}`));
    return id === undefined ? {} : namespaceLabels(id);
  }
  return {};
}

/**
 * The case's namespaces as the run created them (harness/namespace.ts namespaceManifest): the
 * objects' managed labels (NetworkPolicy namespace selectors require the case label) and the
 * scenario's namespace labels, in the order the objects first name them.
 */
function namespacesOf(scenario: Scenario, objects: readonly ManagedObject[]): WireObject[] {
  const namespaces = new Map<string, Record<string, string>>();
  for (const object of objects) {
    const name = object.metadata?.namespace;
    if (name === undefined || namespaces.has(name)) continue;
    namespaces.set(name, { ...scenarioNamespaceLabels(scenario, name), ...managedLabelsOf(object) });
  }
  return [...namespaces].map(([name, labels]) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels },
  }));
}

/** kubeprop's keep finalizer only makes sense while kubeprop releases it: a reproducer's pod must delete. */
function withoutKeepFinalizer(object: ManagedObject): ManagedObject {
  const finalizers = object.metadata?.finalizers;
  if (finalizers === undefined || !finalizers.includes(KEEP_FINALIZER)) return object;
  const rest = finalizers.filter((finalizer) => finalizer !== KEEP_FINALIZER);
  const metadata = { ...object.metadata };
  if (rest.length > 0) metadata.finalizers = rest;
  else delete metadata.finalizers;
  return { ...object, metadata };
}

/**
 * The mid-case change of a networkpolicy/updated-reachability case as a kubectl command, with the
 * case's namespace names and labels (the objects carry them): the executor makes it after the first
 * probes, so a reproducer without it shows only the first phase.
 */
function netpolChangeLine(scenario: Scenario, objects: readonly ManagedObject[]): string | undefined {
  if (scenario.family !== 'networkpolicy' || scenario.mutation === undefined) return undefined;
  const first = objects.find((object) => object.metadata?.namespace?.endsWith(`-${NETPOL_NAMESPACES[0]}`));
  const namespace = first?.metadata?.namespace;
  if (first === undefined || namespace === undefined) return undefined;
  const labels = managedLabelsOf(first);
  return netpolChangeCommand(
    networkPolicyChange(scenario, scenario.mutation, {
      namespacePrefix: namespace.slice(0, -(NETPOL_NAMESPACES[0].length + 1)),
      labels,
      caseId: labels[CASE_ID_LABEL] ?? '',
    }),
  );
}

function hasResolvedIpBlocks(objects: readonly ManagedObject[]): boolean {
  return objects.some((object) => object.metadata?.annotations?.[IP_BLOCKS_ANNOTATION] !== undefined);
}

export interface ReproducerInput {
  propertyId: string;
  statement: string;
  seed: number;
  path: string;
  serverVersion: string;
  minimal: CaseReport;
  /** How far shrinking got: the reproducer says whether it is minimal. */
  shrink?: ShrinkSummary;
}

/** Whether the reproducer is minimal, or why it may not be. */
function minimality(shrink: ShrinkSummary | undefined): string[] {
  if (shrink === undefined) return [];
  if (shrink.notShrunk !== undefined) return [`not shrunk: ${shrink.notShrunk}`];
  const work = `${shrink.steps} shrink steps, ${shrink.candidatesRun} candidates run live in ${Math.round(shrink.seconds)} s`;
  const structural =
    shrink.structuralSteps === 0
      ? []
      : [
          `  the replay path gives it before ${shrink.structuralSteps} structural reductions (containers, hooks, probes, ports removed); this file is after them.`,
        ];
  return shrink.localMinimum
    ? [`minimal: every smaller candidate of this counterexample passed (${work})`, ...structural]
    : [
        `not shown minimal: shrinking stopped (time limit or interrupt) before every smaller candidate ran (${work});`,
        '  replay the path above to shrink further from here.',
        ...structural,
      ];
}

/**
 * The minimal counterexample as a ready-to-apply multi-document YAML: a header of comments (how to
 * replay, the delete command, expected vs observed), then the namespaces and the objects as applied
 * (NetworkPolicy ipBlocks with the run's pod IPs), written like every manifest kubeprop writes.
 */
export function renderReproducer(input: ReproducerInput): string {
  const { minimal } = input;
  const objects = minimal.objects.map(withoutKeepFinalizer);
  const namespace = objects.find((object) => object.metadata?.namespace)?.metadata?.namespace ?? 'default';
  const failing = minimal.verdict.diff.filter((field) => field.outcome !== 'pass');
  const remove = deleteCommand(minimal.scenario, namespace);
  const change = netpolChangeLine(minimal.scenario, objects);
  const header = [
    `kubeprop reproducer for ${input.propertyId} (server ${input.serverVersion})`,
    input.statement,
    `replay: kubeprop run --property ${input.propertyId} --seed ${input.seed} --path ${input.path}`,
    ...minimality(input.shrink),
    `apply:  kubectl apply -f <this file>`,
    ...hookHandlerApplyLines(objects, namespace),
    ...customResourceApplyLines(objects),
    ...(remove === undefined ? [] : [`then:   ${remove}   (after the pod is Running)`]),
    ...(change === undefined
      ? []
      : [
          'probe:  every cell once (the first phase), then',
          `change: ${change}`,
          '        wait 3 s for the enforcer and probe again (the second phase)',
        ]),
    ...(hasResolvedIpBlocks(objects)
      ? [
          `ipBlock CIDRs are the pod IPs of the run (annotation ${IP_BLOCKS_ANNOTATION}: which pod each stands for);`,
          'pods created from this file get new IPs: put theirs in (kubectl get pods -A -o wide) before applying the policies.',
        ]
      : []),
    'expected vs observed:',
    ...failing.map((field) => `  ${field.field} [${field.rule}]: ${field.detail}`),
  ];
  return manifestYaml(header, [...namespacesOf(minimal.scenario, objects), ...objects]);
}

/** Writes the reproducer under <reportDir>/reproducers/ and returns its path relative to reportDir. */
export function writeReproducer(reportDir: string, input: ReproducerInput): string {
  const relative = join('reproducers', `${input.propertyId.replace(/[^a-z0-9]+/gi, '-')}.yaml`);
  mkdirSync(join(reportDir, 'reproducers'), { recursive: true });
  writeFileSync(join(reportDir, relative), renderReproducer(input));
  return relative;
}
