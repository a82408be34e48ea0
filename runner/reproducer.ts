import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Scenario } from '../model/scenario';
import type { CaseReport } from '../reporting/report-types';

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

export interface ReproducerInput {
  propertyId: string;
  statement: string;
  seed: number;
  path: string;
  serverVersion: string;
  minimal: CaseReport;
}

/**
 * The minimal counterexample as a ready-to-apply multi-document YAML: a header of comments (how to
 * replay, the delete command, expected vs observed), then the namespace and the objects as applied.
 */
export function renderReproducer(input: ReproducerInput): string {
  const { minimal } = input;
  const namespace =
    minimal.objects.find((object) => object.metadata?.namespace)?.metadata?.namespace ?? 'default';
  const failing = minimal.verdict.diff.filter((field) => field.outcome !== 'pass');
  const remove = deleteCommand(minimal.scenario, namespace);
  const header = [
    `kubeprop reproducer for ${input.propertyId} (server ${input.serverVersion})`,
    input.statement,
    `replay: kubeprop run --property ${input.propertyId} --seed ${input.seed} --path ${input.path}`,
    `apply:  kubectl apply -f <this file>`,
    ...(remove === undefined ? [] : [`then:   ${remove}   (after the pod is Running)`]),
    'expected vs observed:',
    ...failing.map((field) => `  ${field.field} [${field.rule}]: ${field.detail}`),
  ];
  const namespaceDoc = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } };
  const documents = [namespaceDoc, ...minimal.objects].map((object) => stringify(object).trimEnd());
  return `${header.map((line) => `# ${line}`).join('\n')}\n---\n${documents.join('\n---\n')}\n`;
}

/** Writes the reproducer under <reportDir>/reproducers/ and returns its path relative to reportDir. */
export function writeReproducer(reportDir: string, input: ReproducerInput): string {
  const relative = join('reproducers', `${input.propertyId.replace(/[^a-z0-9]+/gi, '-')}.yaml`);
  mkdirSync(join(reportDir, 'reproducers'), { recursive: true });
  writeFileSync(join(reportDir, relative), renderReproducer(input));
  return relative;
}
