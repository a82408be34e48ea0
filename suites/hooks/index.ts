import type { PropertyDefinition } from '../../runner/property-definition';
import { poststartBeforeRunning } from './poststart-before-running.property';
import { poststartFailing } from './poststart-failing.property';
import { httpHook } from './http-hook.property';
import { httpPrestopArrives } from './http-prestop-arrives.property';

/** The hooks properties, in the order a run takes them. */
export const HOOKS_PROPERTIES: readonly PropertyDefinition[] = [
  poststartBeforeRunning,
  poststartFailing,
  httpHook,
  httpPrestopArrives,
];
