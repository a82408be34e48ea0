import { serverHttpPort } from '../harness/agnhost-program';
import type { ContainerScenario, ServerProgram } from '../model/scenario';

/**
 * `container` turned into one that runs `program` from the server image (ContainerScenario.server): its name and
 * requests kept; no limits (agnhost's memory is not what a property judges), hooks or probes (they run busybox
 * commands), its HTTP port declared. netexec exits 0 on SIGTERM (netexec.go); liveness takes the default action.
 */
export function serverContainer(container: ContainerScenario, program: ServerProgram): ContainerScenario {
  return {
    name: container.name,
    behaviour: {
      startDelaySeconds: 0,
      sigterm:
        program.kind === 'netexec' ? { kind: 'exit', afterSeconds: 0, exitCode: 0 } : { kind: 'default' },
    },
    ports: [{ name: 'agnhost', containerPort: serverHttpPort(program) }],
    resources: { requests: container.resources.requests, limits: {} },
    lifecycle: {},
    probes: {},
    server: program,
  };
}
