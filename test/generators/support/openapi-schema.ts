import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import * as k8s from '@kubernetes/client-node';

/**
 * JSON Schemas for the Kubernetes objects kubeprop emits, derived from @kubernetes/client-node's models,
 * which are generated from the upstream OpenAPI spec (release-1.36 for client-node 2.0): field names and
 * types from each model's attributeTypeMap, required fields from its generated .d.ts. Unknown fields are
 * rejected (additionalProperties: false) and quantities must match the Quantity grammar
 * (staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go).
 */

interface Attribute {
  name: string;
  baseName: string;
  type: string;
  format: string;
}

type ModelClass = { attributeTypeMap: Attribute[] };
type Schema = Record<string, unknown>;

const MODELS_DIR = path.join(__dirname, '../../../node_modules/@kubernetes/client-node/dist/gen/models');

const QUANTITY = '^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+|[numkMGTPE]|Ki|Mi|Gi|Ti|Pi|Ei)?$';

/** Maps of quantities (ResourceList) by model and field. */
const QUANTITY_MAPS = new Set([
  'V1ResourceRequirements.limits',
  'V1ResourceRequirements.requests',
  'V1ResourceQuotaSpec.hard',
  'V1LimitRangeItem.default',
  'V1LimitRangeItem.defaultRequest',
  'V1LimitRangeItem.min',
  'V1LimitRangeItem.max',
  'V1LimitRangeItem.maxLimitRequestRatio',
  'V1PodSpec.overhead',
]);

function modelClass(name: string): ModelClass | undefined {
  const candidate = (k8s as unknown as Record<string, unknown>)[name];
  return candidate && typeof candidate === 'function' && 'attributeTypeMap' in candidate
    ? (candidate as unknown as ModelClass)
    : undefined;
}

/** Fields without `?` in the generated class: the spec's required ones. */
function requiredFields(name: string, attributes: Attribute[]): string[] {
  const text = fs.readFileSync(path.join(MODELS_DIR, `${name}.d.ts`), 'utf8');
  const required = new Set<string>();
  for (const match of text.matchAll(/^\s+'([A-Za-z_$][\w$]*)':/gm)) required.add(match[1]);
  return attributes.filter((a) => required.has(a.name)).map((a) => a.baseName);
}

class SchemaBuilder {
  readonly definitions: Record<string, Schema> = {};

  typeSchema(type: string, format: string, quantityMap: boolean): Schema {
    const array = /^Array<(.+)>$/.exec(type);
    if (array) return { type: 'array', items: this.typeSchema(array[1], '', false) };
    const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
    if (map) {
      const values = quantityMap ? { type: 'string', pattern: QUANTITY } : this.typeSchema(map[1], '', false);
      return { type: 'object', additionalProperties: values };
    }
    switch (type) {
      case 'string':
        return { type: 'string' };
      case 'number':
        return format.startsWith('int') ? { type: 'integer' } : { type: 'number' };
      case 'boolean':
        return { type: 'boolean' };
      case 'Date':
        return { type: 'string' };
      case 'IntOrString':
        return { type: ['integer', 'string'] };
      case 'any':
      case 'object':
        return {};
    }
    this.define(type);
    return { $ref: `#/definitions/${type}` };
  }

  define(name: string): void {
    if (this.definitions[name]) return;
    const model = modelClass(name);
    if (!model) throw new Error(`no client-node model ${name}`);
    this.definitions[name] = {};
    const properties: Record<string, Schema> = {};
    for (const attribute of model.attributeTypeMap) {
      const quantityMap = QUANTITY_MAPS.has(`${name}.${attribute.baseName}`);
      properties[attribute.baseName] = this.typeSchema(attribute.type, attribute.format, quantityMap);
    }
    this.definitions[name] = {
      type: 'object',
      properties,
      required: requiredFields(name, model.attributeTypeMap),
      additionalProperties: false,
    };
  }
}

const KIND_MODELS = {
  Pod: 'V1Pod',
  Service: 'V1Service',
  ResourceQuota: 'V1ResourceQuota',
  LimitRange: 'V1LimitRange',
  NetworkPolicy: 'V1NetworkPolicy',
  Namespace: 'V1Namespace',
} as const;

export type SchemaKind = keyof typeof KIND_MODELS;

/** One ajv validator per kind, over the wire form of an object (API field names). */
export function buildValidators(): Record<SchemaKind, ValidateFunction> {
  const builder = new SchemaBuilder();
  for (const model of Object.values(KIND_MODELS)) builder.define(model);
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validators = {} as Record<SchemaKind, ValidateFunction>;
  for (const [kind, model] of Object.entries(KIND_MODELS) as [SchemaKind, string][]) {
    validators[kind] = ajv.compile({ $ref: `#/definitions/${model}`, definitions: builder.definitions });
  }
  return validators;
}

/** Schema errors of a wire-form object, as "path message" lines; empty when valid. */
export function schemaErrors(
  validators: Record<SchemaKind, ValidateFunction>,
  object: Record<string, unknown>,
): string[] {
  const validate = validators[object.kind as SchemaKind];
  if (!validate) return [`no schema for kind ${String(object.kind)}`];
  if (validate(object)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}
