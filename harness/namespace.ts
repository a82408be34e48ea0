import type { V1Namespace } from '@kubernetes/client-node';
import { CASE_ID_LABEL, MANAGED_BY_LABEL, MANAGED_BY_VALUE, RUN_ID_LABEL } from '../model/labels';

/** Namespace names are DNS-1123 labels: at most 63 characters (apimachinery validation IsDNS1123Label). */
const MAX_NAMESPACE_LENGTH = 63;
/** Label values: at most 63 characters, alphanumerics with `-_.` inside (apimachinery IsValidLabelValue). */
const MAX_LABEL_VALUE_LENGTH = 63;
const PREFIX = 'kp';

/** FNV-1a, 32 bit, base 36: a short stable suffix keeping truncated names distinct. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

function dnsLabelPart(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The namespace of one case: `kp-<runId>-<caseId>[-<suffix>]`, a valid DNS-1123 label. Too long
 * names are cut and given a hash of the full name, so distinct cases never share a namespace.
 */
export function caseNamespaceName(runId: string, caseId: string, suffix?: string): string {
  const parts = [PREFIX, dnsLabelPart(runId), dnsLabelPart(caseId), suffix ? dnsLabelPart(suffix) : '']
    .filter((p) => p.length > 0)
    .join('-');
  if (parts.length <= MAX_NAMESPACE_LENGTH) return parts;
  const hash = shortHash(`${runId}\u0000${caseId}\u0000${suffix ?? ''}`);
  const tail = suffix ? `-${dnsLabelPart(suffix)}` : '';
  const head = parts.slice(0, MAX_NAMESPACE_LENGTH - hash.length - tail.length - 1).replace(/-+$/, '');
  return `${head}-${hash}${tail}`;
}

/** A label value made valid: disallowed characters become `-`, long values are cut with a hash. */
export function labelValue(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  if (cleaned.length <= MAX_LABEL_VALUE_LENGTH) return cleaned;
  const hash = shortHash(text);
  return `${cleaned.slice(0, MAX_LABEL_VALUE_LENGTH - hash.length - 1).replace(/[^A-Za-z0-9]+$/, '')}-${hash}`;
}

/** The labels every namespace kubeprop creates carries; cleanup and `kubeprop clean` select by them. */
export function managedLabels(runId: string, caseId: string): Record<string, string> {
  return {
    [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
    [RUN_ID_LABEL]: labelValue(runId),
    [CASE_ID_LABEL]: labelValue(caseId),
  };
}

/** The namespace object: scenario labels (Pod Security modes) first, kubeprop's own labels win. */
export function namespaceManifest(
  name: string,
  managed: Record<string, string>,
  scenarioLabels: Record<string, string>,
): V1Namespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { ...scenarioLabels, ...managed } },
  };
}
