import type { Capabilities } from '../../../model/capabilities';
import type { ContainerScenario, PodScenario, Scenario } from '../../../model/scenario';
import { manifestsFor, podManifest, wireForm, type ManifestOptions } from '../../../generators/manifests';
import { apiRuleViolations } from './api-rules';
import { buildValidators, schemaErrors } from './openapi-schema';

export const MANIFEST_OPTIONS: ManifestOptions = {
  image: 'docker.io/library/busybox:1.36',
  namespace: 'kp-case',
  labels: { 'app.kubernetes.io/managed-by': 'kubeprop', 'kubeprop.dev/case-id': 'c1' },
};

let validators: ReturnType<typeof buildValidators> | undefined;

/** Schema errors and API rule violations of one mapped object. */
function objectProblems(object: Parameters<typeof wireForm>[0], capabilities: Capabilities): string[] {
  validators ??= buildValidators();
  const wire = wireForm(object);
  return [...schemaErrors(validators, wire), ...apiRuleViolations(wire, capabilities)];
}

/** Scenario-level invariants the harness relies on (not API rules). */
function podIntentProblems(pod: PodScenario): string[] {
  const problems: string[] = [];
  for (const c of pod.initContainers) {
    if (!c.restartPolicy && !c.behaviour.exitAfter)
      problems.push(`${c.name}: plain init container never exits`);
  }
  for (const c of [...pod.initContainers, ...pod.containers]) {
    const b = c.behaviour;
    if (
      b.unreadyAfterSeconds !== undefined &&
      (b.readyAfterSeconds === undefined || b.unreadyAfterSeconds <= b.readyAfterSeconds)
    ) {
      problems.push(`${c.name}: unready before ready`);
    }
  }
  return problems;
}

function podsOf(scenario: Scenario): PodScenario[] {
  switch (scenario.family) {
    case 'quota':
      return scenario.steps.flatMap((s) => (s.kind === 'create' ? [s.pod] : []));
    case 'networkpolicy':
      return [];
    default:
      return [scenario.pod];
  }
}

/** Every problem of a scenario: its objects against the schema and the API rules, and its intent. */
export function scenarioProblems(scenario: Scenario, capabilities: Capabilities): string[] {
  const { objects } = manifestsFor(scenario, MANIFEST_OPTIONS);
  const problems = [
    ...objects.flatMap((o) => objectProblems(o, capabilities)),
    ...podsOf(scenario).flatMap(podIntentProblems),
  ];
  if (scenario.family === 'quota') {
    const names = podsOf(scenario).map((p) => p.name);
    if (new Set(names).size !== names.length) problems.push('duplicate pod names');
    const created = new Set<string>();
    for (const step of scenario.steps) {
      if (step.kind === 'create') created.add(step.pod.name);
      else if (step.kind === 'createObject') created.add(`${step.object.kind}/${step.object.name}`);
      else if (step.kind === 'delete' || step.kind === 'deleteObject') {
        const name = step.kind === 'delete' ? step.podName : `${step.objectKind}/${step.name}`;
        if (!created.has(name)) problems.push(`delete of ${name} before its creation`);
      }
    }
  }
  if (scenario.family === 'podsecurity' && scenario.intendedViolations === undefined)
    problems.push('no intendedViolations');
  return problems;
}

export function podProblems(pod: PodScenario, capabilities: Capabilities): string[] {
  return [...objectProblems(podManifest(pod, MANIFEST_OPTIONS), capabilities), ...podIntentProblems(pod)];
}

/** A pod around one container, so a container-level value can be checked as the API sees it. */
export function podWith(container: ContainerScenario): PodScenario {
  const init = container.restartPolicy === 'Always';
  return {
    name: 'pod',
    restartPolicy: 'Always',
    initContainers: init ? [container] : [],
    containers: init
      ? [{ ...container, name: 'app', restartPolicy: undefined, lifecycle: {}, probes: {}, ports: [] }]
      : [container],
    labels: { app: 'pod' },
  };
}
