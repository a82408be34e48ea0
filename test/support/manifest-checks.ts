import { ObjectSerializer } from '@kubernetes/client-node/dist/gen/models/ObjectSerializer.js';
import { parseAllDocuments } from 'yaml';
import { modelTypeOf, wireForm, type WireObject } from '../../generators/manifests/wire-form';

const KINDS = [
  'Namespace',
  'Pod',
  'ResourceQuota',
  'LimitRange',
  'NetworkPolicy',
  'Service',
  'CustomResourceDefinition',
] as const;

/** What a CustomResourceDefinition in the file serves: "<group>/<version> <kind>" → its scope. */
function servedKinds(wire: Record<string, unknown>): Map<string, string> {
  const spec = wire.spec as
    | { group: string; scope: string; names: { kind: string }; versions: { name: string; served: boolean }[] }
    | undefined;
  if (!spec) return new Map();
  return new Map(
    spec.versions
      .filter((version) => version.served)
      .map((version) => [`${spec.group}/${version.name} ${spec.names.kind}`, spec.scope]),
  );
}

/**
 * A custom resource as its CRD (earlier in the file) serves it: kubeprop's CRDs define no fields, so
 * nothing beyond apiVersion, kind and metadata (which the metadata model must know), and a namespace
 * when the resource is namespaced.
 */
function customResourceProblems(wire: Record<string, unknown>, scope: string, where: string): string[] {
  const problems = Object.keys(wire)
    .filter((key) => !['apiVersion', 'kind', 'metadata'].includes(key))
    .map((key) => `${where}: field ${key} its CustomResourceDefinition does not define`);
  const metadata = (wire.metadata ?? {}) as Record<string, unknown>;
  const typed: unknown = ObjectSerializer.deserialize(metadata, 'V1ObjectMeta', '');
  const again: unknown = ObjectSerializer.serialize(typed, 'V1ObjectMeta', '');
  if (JSON.stringify(sorted(again)) !== JSON.stringify(sorted(metadata)))
    problems.push(`${where}: metadata fields the V1ObjectMeta model does not know`);
  if (scope === 'Namespaced' && typeof metadata.namespace !== 'string')
    problems.push(`${where}: a namespaced custom resource without a namespace`);
  return problems;
}

/** Every key path of a JSON value whose last key starts with "_" (a client model name, not a wire name). */
function underscoreKeys(value: unknown, at: string): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => underscoreKeys(item, `${at}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [
    ...(key.startsWith('_') ? [`${at}.${key}`] : []),
    ...underscoreKeys(inner, `${at}.${key}`),
  ]);
}

/** ipBlock CIDRs that are not addresses (the symbolic "pods" / "pod:<ns>/<pod>" left in). */
function unresolvedCidrs(value: unknown): string[] {
  const cidrs: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const block = (node as { ipBlock?: { cidr?: unknown; except?: unknown[] } }).ipBlock;
      if (block !== undefined) cidrs.push(...[block.cidr, ...(block.except ?? [])].map(String));
      Object.values(node).forEach(walk);
    }
  };
  walk(value);
  return cidrs.filter((cidr) => !/^[0-9a-f.:]+\/\d{1,3}$/i.test(cidr));
}

/**
 * What keeps a manifest file from being applied as written, document by document: YAML a 1.1 reader
 * (kubectl's sigs.k8s.io/yaml) reads differently from a 1.2 reader, a kind kubeprop does not write,
 * a field the client's model does not know (strict: the typed object serialized again must equal
 * the document), `_`-prefixed keys, and symbolic ipBlock CIDRs. A custom resource must be of a kind
 * a CustomResourceDefinition earlier in the file serves.
 */
export function manifestProblems(text: string): string[] {
  const problems: string[] = [];
  const strict = parseAllDocuments(text, { version: '1.2' });
  const yaml11 = parseAllDocuments(text, { version: '1.1' });
  if (!Array.isArray(strict) || !Array.isArray(yaml11)) return ['not a YAML stream'];
  const custom = new Map<string, string>();
  strict.forEach((document, i) => {
    const where = `document ${i}`;
    if (document.errors.length > 0) problems.push(`${where}: ${document.errors[0].message}`);
    const wire = document.toJS() as ({ kind?: string; apiVersion?: string } & Record<string, unknown>) | null;
    if (wire === null) return;
    if (JSON.stringify(yaml11[i].toJS()) !== JSON.stringify(wire)) {
      problems.push(`${where}: a YAML 1.1 reader reads it differently`);
    }
    const kind = KINDS.find((k) => k === wire.kind);
    if (kind === undefined) {
      const scope = custom.get(`${String(wire.apiVersion)} ${String(wire.kind)}`);
      if (scope === undefined) problems.push(`${where}: unexpected kind ${String(wire.kind)}`);
      else problems.push(...customResourceProblems(wire, scope, where));
      return;
    }
    if (kind === 'CustomResourceDefinition')
      for (const [served, scope] of servedKinds(wire)) custom.set(served, scope);
    const typed = ObjectSerializer.deserialize(wire, modelTypeOf(kind), '') as WireObject;
    if (JSON.stringify(sorted(wireForm(typed))) !== JSON.stringify(sorted(wire))) {
      problems.push(`${where}: fields the ${modelTypeOf(kind)} model does not know`);
    }
    problems.push(...underscoreKeys(wire, where).map((path) => `${path}: client property name`));
    problems.push(...unresolvedCidrs(wire).map((cidr) => `${where}: unresolved ipBlock CIDR "${cidr}"`));
  });
  return problems;
}

/** A JSON value with object keys in order, so key order does not count as a difference. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, inner]) => [key, sorted(inner)]),
  );
}
