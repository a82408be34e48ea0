// @ts-nocheck
import { environmentProblem } from '../errors';

/** A k3s release image; k3s tags are the Kubernetes version with "+" written as "-". */
export const DEFAULT_K3S_IMAGE = 'rancher/k3s:v1.34.1-k3s1';

export interface RunningK3s {
  /** Kubeconfig YAML pointing at the container's mapped API port. */
  kubeconfig: string;
  stop(): Promise<void>;
}

/** What kubeprop needs of a started K3sContainer; injected so tests need no Docker. */
export interface K3sStarter {
  start(image: string): Promise<RunningK3s>;
}

/** testcontainers' K3sContainer (privileged, host cgroupns; Ryuk removes it after a crash). */
export const testcontainersK3s: K3sStarter = {
  async start(image) {
    // Loaded on demand: testcontainers is large and only this target needs it.
    const { K3sContainer } = await import('@testcontainers/k3s');
    const container = await new K3sContainer(image).start();
    return {
      kubeconfig: container.getKubeConfig(),
      stop: async () => {
        await container.stop();
      },
    };
  },
};

/** Starts k3s in Docker; a missing or stopped Docker becomes one message saying so. */
export async function startK3s(
  image: string = DEFAULT_K3S_IMAGE,
  starter: K3sStarter = testcontainersK3s,
): Promise<RunningK3s> {
  try {
    return await starter.start(image);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/container runtime strategy|docker|ENOENT|ECONNREFUSED|socket/i.test(message)) {
      throw environmentProblem(
        `cannot start k3s (${image}) in Docker: ${message.split('\n')[0]}. Start Docker, or pass --kubeconfig for an existing cluster`,
        error,
      );
    }
    throw environmentProblem(`k3s (${image}) did not start: ${message.split('\n')[0]}`, error);
  }
}
