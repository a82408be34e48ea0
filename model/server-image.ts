import type { Capabilities } from './capabilities';

/**
 * Why a property that runs a server program (ContainerScenario.server) cannot run on this target, or undefined
 * when the server image ran in the preflight. For PropertyDefinition.unsupported: such properties are skipped
 * with this one line, never failed.
 */
export function serverImageUnsupported(capabilities: Capabilities): string | undefined {
  if (capabilities.serverImage !== undefined) return undefined;
  return `needs the server image: ${capabilities.serverImageProblem ?? 'none given (--server-image)'}`;
}
