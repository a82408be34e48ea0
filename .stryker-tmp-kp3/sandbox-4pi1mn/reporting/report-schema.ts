// @ts-nocheck
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import reportSchema from '../schemas/report.schema.json';
import type { CaseReport, Report } from './report-types';

/**
 * The published JSON Schema (schemas/report.schema.json), compiled once. strictRequired is off because
 * the schema names `required` fields inside if/then and oneOf branches, which is valid JSON Schema.
 */
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
ajv.addSchema(reportSchema);
const SCHEMA_ID = reportSchema.$id;

function compiled<T>(ref: string): ValidateFunction<T> {
  const validate = ajv.getSchema<T>(ref);
  if (!validate) throw new Error(`report schema has no ${ref}`);
  return validate;
}

const validateReportShape = compiled<Report>(SCHEMA_ID);
const validateCaseShape = compiled<CaseReport>(`${SCHEMA_ID}#/definitions/case`);

/** At most this many schema errors are listed in a message; the rest are counted. */
const SHOWN_ERRORS = 5;

function describeErrors(errors: ErrorObject[] | null | undefined, prefix: string): string {
  const list = errors ?? [];
  const shown = list
    .slice(0, SHOWN_ERRORS)
    .map((error) => `${prefix}${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
  const more = list.length > SHOWN_ERRORS ? [`(and ${list.length - SHOWN_ERRORS} more)`] : [];
  return [...shown, ...more].join('; ');
}

/** undefined when the value is a schema-valid report, else the violations in one line. */
export function reportSchemaErrors(value: unknown): string | undefined {
  return validateReportShape(value) ? undefined : describeErrors(validateReportShape.errors, '');
}

/** The same for one case; `where` prefixes the paths (e.g. "/properties/0/cases/3"). */
export function caseSchemaErrors(value: unknown, where: string): string | undefined {
  return validateCaseShape(value) ? undefined : describeErrors(validateCaseShape.errors, where);
}
