import type { PropertyDefinition } from '../../runner/property-definition';
import { auditAnnotates } from './audit-annotates.property';
import { enforceRejectsViolations } from './enforce-rejects-violations.property';
import { warnWarns } from './warn-warns.property';

/** The Pod Security properties, in the order a run takes them. */
export const PODSECURITY_PROPERTIES: readonly PropertyDefinition[] = [
  enforceRejectsViolations,
  warnWarns,
  auditAnnotates,
];
