import type { PropertyDefinition } from '../../runner/property-definition';
import { readinessWindow } from './readiness-window.property';
import { livenessRestarts } from './liveness-restarts.property';
import { startupGates } from './startup-gates.property';
import { httpStatus } from './http-status.property';
import { execTimeout } from './exec-timeout.property';
import { grpcUnservedFails } from './grpc-unserved-fails.property';
import { livenessHandlers } from './liveness-handlers.property';
import { readinessNeverReady } from './readiness-never-ready.property';
import { startupFails } from './startup-fails.property';
import { readyAfterStartup } from './ready-after-startup.property';
import { httpRedirects } from './http-redirects.property';
import { grpcServing } from './grpc-serving.property';

/** The probes properties, in the order a run takes them. */
export const PROBES_PROPERTIES: readonly PropertyDefinition[] = [
  readinessWindow,
  livenessRestarts,
  startupGates,
  httpStatus,
  execTimeout,
  grpcUnservedFails,
  livenessHandlers,
  readinessNeverReady,
  startupFails,
  readyAfterStartup,
  httpRedirects,
  grpcServing,
];
