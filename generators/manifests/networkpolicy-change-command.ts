import { wireForm } from './wire-form';
import type { NetpolChange } from './networkpolicy';

/** Quoted for a POSIX shell: a single-quoted word, with any ' closed, escaped and reopened. */
function shellQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The kubectl command that makes a case's mid-case change, for a reproducer: the same API call the
 * executor makes (harness/run-case.ts changeNetpol) — the policy's spec replaced in place (a JSON
 * patch of /spec, not a delete and create), the policy deleted, or the label merged in.
 */
export function netpolChangeCommand(change: NetpolChange): string {
  switch (change.kind) {
    case 'replacePolicy': {
      const { metadata, spec } = wireForm(change.object) as { metadata: { name: string }; spec: unknown };
      const patch = JSON.stringify([{ op: 'replace', path: '/spec', value: spec }]);
      return `kubectl patch networkpolicy ${metadata.name} -n ${change.namespace} --type=json -p ${shellQuoted(patch)}`;
    }
    case 'deletePolicy':
      return `kubectl delete networkpolicy ${change.name} -n ${change.namespace}`;
    case 'addLabels': {
      const labels = Object.entries(change.labels).map(([key, value]) => `${key}=${value}`);
      return change.namespace === undefined
        ? `kubectl label namespace ${change.name} ${labels.join(' ')}`
        : `kubectl label pod ${change.name} -n ${change.namespace} ${labels.join(' ')}`;
    }
  }
}
