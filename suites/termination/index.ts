import type { PropertyDefinition } from '../../runner/property-definition';
import { endpointTerminating } from './endpoint-terminating.property';
import { graceOverride } from './grace-override.property';
import { graceZero } from './grace-zero.property';
import { parallelStop } from './parallel-stop.property';
import { prestopFailing } from './prestop-failing.property';
import { prestopThenSigterm } from './prestop-then-sigterm.property';
import { probesStop } from './probes-stop.property';
import { readinessContinues } from './readiness-continues.property';
import { sidecarsLast } from './sidecars-last.property';
import { sigkillAfterGrace } from './sigkill-after-grace.property';
import { sigtermHandled } from './sigterm-handled.property';

/** The termination properties, in the order a run takes them. */
export const TERMINATION_PROPERTIES: readonly PropertyDefinition[] = [
  sigkillAfterGrace,
  graceOverride,
  graceZero,
  sigtermHandled,
  prestopThenSigterm,
  prestopFailing,
  parallelStop,
  endpointTerminating,
  probesStop,
  readinessContinues,
  sidecarsLast,
];
