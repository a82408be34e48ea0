import type { KubeConfig } from '@kubernetes/client-node';
import { checkPermissions } from '../../harness/check-permissions';
import { installInterruptHandlers } from '../../harness/interrupt';
import { verifyReachable, type ClusterAddress } from '../../harness/kubeconfig-check';
import type { TargetRequest } from '../../harness/targets/select-target';
import type { ModelOptions } from '../../model/expectation';
import type { Family } from '../../model/scenario';
import { openLiveTarget, type LiveTarget } from '../../runner/live-target';
import type { CliDeps } from '../cli-deps';

export interface SessionOptions {
  target: TargetRequest;
  runId: string;
  image: string;
  /** undefined: `--server-image none`. */
  serverImage?: string;
  families: readonly Family[];
  keepTraces: boolean;
  modelOptions: ModelOptions;
}

/** A cluster ready for cases, with interrupt handling installed; close() always runs. */
export interface LiveSession {
  target: LiveTarget;
  /** "kind cluster kubeprop", "context prod-like", "k3s rancher/k3s:...". */
  description: string;
  /** Registers a synchronous step for an interrupt's exit, just before the process ends (finalize a report). */
  beforeInterruptExit(step: () => void): void;
  /** The work an interrupt lets wind down (bounded) before the process ends: the run. */
  windDown<T>(work: Promise<T>): Promise<T>;
  /** The exit status an interrupt chose (130 SIGINT, 143 SIGTERM), once the run was interrupted. */
  interruptedWith(): number | undefined;
  /** Runs every registered cleanup, reports leftovers, tears the target down (k3s). Idempotent. */
  close(): Promise<void>;
}

/** Exit status for a run stopped by a signal whose number is not known here (SIGINT's). */
const INTERRUPTED_EXIT = 130;
/**
 * After an interrupt and its cleanup, how long the aborted run may take to finish its in-flight
 * cases and close its report (all derived files) before the process ends with a finalized report.
 */
export const WIND_DOWN_MS = 10_000;

function addressOf(kubeConfig: KubeConfig): ClusterAddress {
  return {
    server: kubeConfig.getCurrentCluster()?.server ?? '(no server)',
    context: kubeConfig.getCurrentContext(),
    user: kubeConfig.getCurrentUser()?.name ?? '(no user)',
  };
}

function once(action: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= action());
}

/**
 * Picks and starts the target, proves the API server answers these credentials, checks RBAC up
 * front (a run that fails half-way on a 403 wastes minutes), detects capabilities, and installs the
 * SIGINT/SIGTERM handlers. Whatever fails after the target started tears it down again.
 */
export async function openLiveSession(
  options: SessionOptions,
  deps: CliDeps,
  log: (line: string) => void,
): Promise<LiveSession> {
  log('kubeprop: finding a cluster ...');
  const started = await deps.startTarget(options.target);
  const teardown = once(() => started.teardown());
  try {
    const port = deps.portFor(started);
    const version = await verifyReachable(port, addressOf(started.kubeConfig));
    log(`kubeprop: connected to ${started.description} (Kubernetes ${version.gitVersion})`);
    await checkPermissions(port);
    const controller = new AbortController();
    const target = await openLiveTarget(port, {
      runId: options.runId,
      image: options.image,
      serverImage: options.serverImage,
      families: options.families,
      signal: controller.signal,
      keepTraces: options.keepTraces,
      modelOptions: options.modelOptions,
      clock: deps.clock,
      log: (line) => log(`kubeprop: ${line}`),
    });
    const steps: Array<() => void> = [];
    const finalizeSteps = (): void => steps.forEach((step) => step());
    let running: Promise<unknown> | undefined;
    let exitCode: number | undefined;
    const removeHandlers = installInterruptHandlers({
      controller,
      cleanup: target.cleanup,
      log,
      target: deps.signals,
      // The handler has aborted the run and cleaned up. The run may wind down (bounded), the target
      // is torn down, then the report is finalized right before the process ends, so no case lands
      // in a closed report. A second call (Ctrl-C again) finalizes and ends at once.
      exit: (code) => {
        if (exitCode !== undefined) {
          finalizeSteps();
          deps.exit(code);
          return;
        }
        exitCode = code;
        void (async () => {
          if (running) await Promise.race([running.catch(() => undefined), deps.clock.sleep(WIND_DOWN_MS)]);
          await teardown().catch((error: unknown) =>
            log(`kubeprop: teardown of ${started.description} failed: ${String(error)}`),
          );
          finalizeSteps();
          deps.exit(code);
        })();
      },
    });
    const close = once(async () => {
      removeHandlers();
      const report = await target.cleanup.runAll();
      if (report.leftovers.length > 0) {
        log(
          `kubeprop: cleanup could not remove ${report.leftovers.length} item(s); run \`kubeprop clean\` to sweep:`,
        );
        for (const leftover of report.leftovers) log(`  ${leftover.what}: ${leftover.reason}`);
      }
      await teardown();
    });
    return {
      target,
      description: started.description,
      beforeInterruptExit: (step) => steps.push(step),
      windDown: (work) => {
        running = work;
        return work;
      },
      interruptedWith: () => exitCode ?? (controller.signal.aborted ? INTERRUPTED_EXIT : undefined),
      close,
    };
  } catch (error) {
    await teardown().catch((teardownError: unknown) =>
      log(`kubeprop: teardown of ${started.description} failed: ${String(teardownError)}`),
    );
    throw error;
  }
}
