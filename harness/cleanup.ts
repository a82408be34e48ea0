import { KEEP_FINALIZER } from '../model/labels';
import { ClusterError } from './cluster-error';
import type { ClusterPort } from './cluster-port';
import type { Clock } from './clock';
import { withRetry } from './retry';

export interface CleanupLeftover {
  what: string;
  reason: string;
}

/** What a cleanup removed and what it could not remove (with why). */
export interface CleanupReport {
  done: string[];
  leftovers: CleanupLeftover[];
}

export interface CleanupOptions {
  clock: Clock;
  /** How long a namespace may stay Terminating before it is reported as left behind. */
  namespaceDeadlineMs?: number;
  /** How often a terminating namespace is re-read. */
  pollMs?: number;
  /** API attempts per cleanup call (transient errors are retried with back-off). */
  maxAttempts?: number;
  /** Jitter source for retry back-off; injected so seeded tests replay exactly. */
  random?: () => number;
}

/** One thing to undo; runs at most once however many times (and from wherever) it is asked to. */
export interface CleanupEntry {
  readonly what: string;
  /** Settles once the entry has run; never rejects. */
  run(): Promise<CleanupReport>;
}

/**
 * Real clusters can take a while to remove a namespace (pods in their grace periods, controllers
 * catching up); two minutes is generous for kubeprop's small namespaces.
 */
export const DEFAULT_NAMESPACE_DEADLINE_MS = 120_000;
const DEFAULT_POLL_MS = 1000;
const CLEANUP_ATTEMPTS = 6;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isNotFound(error: unknown): boolean {
  return error instanceof ClusterError && error.kind === 'notFound';
}

/**
 * Everything kubeprop must undo, registered BEFORE the thing is created, so that a run that ends in
 * any way (success, failure, timeout, SIGINT) can remove it. Cleanup ignores the run's abort signal:
 * it is exactly what must still happen after an abort. Entries are idempotent; in-flight creates
 * are awaited first, so a create that lands after an interrupt is still cleaned up.
 */
export class CleanupRegistry {
  private readonly pending = new Set<CleanupEntry>();
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Cleanups started by runDetached and not yet finished. */
  private readonly detached = new Set<Promise<CleanupReport>>();
  /** What the entries run so far removed and left behind, for the end-of-run account. */
  private readonly account: CleanupReport = { done: [], leftovers: [] };
  private isClosed = false;
  private readonly neverAborted = new AbortController().signal;

  constructor(
    private readonly port: ClusterPort,
    private readonly options: CleanupOptions,
  ) {}

  /** After runAll() nothing new may be created: the runner is shutting down. */
  get closed(): boolean {
    return this.isClosed;
  }

  /** Entries registered and not yet run. */
  pendingEntries(): string[] {
    return [...this.pending].map((e) => e.what);
  }

  /** Deletes the namespace (releasing kept pods first) and waits until it is gone. */
  registerNamespace(name: string): CleanupEntry {
    return this.register(`namespace ${name}`, () => this.removeNamespace(name));
  }

  /** Restores a node's capacity for a resource to what it was (null: absent) before kubeprop patched it. */
  registerNodeCapacity(node: string, resource: string, previous: number | null): CleanupEntry {
    return this.register(`capacity ${resource} of node ${node}`, async () => {
      await this.retry(() => this.port.patchNodeCapacity(node, resource, previous));
      return { done: [`capacity ${resource} of node ${node} restored`], leftovers: [] };
    });
  }

  /** Deletes a cluster-wide PriorityClass a case created (one already gone is fine). */
  registerPriorityClass(name: string): CleanupEntry {
    return this.register(`priority class ${name}`, async () => {
      await this.retry(() => this.port.deletePriorityClass(name));
      return { done: [`priority class ${name} deleted`], leftovers: [] };
    });
  }

  /**
   * Deletes a CustomResourceDefinition a case created and waits until it is gone (its finalizer first
   * deletes every custom resource of it, in any namespace).
   */
  registerCustomResourceDefinition(name: string): CleanupEntry {
    const what = `custom resource definition ${name}`;
    return this.register(what, async () => {
      const { clock } = this.options;
      const deadlineMs = this.options.namespaceDeadlineMs ?? DEFAULT_NAMESPACE_DEADLINE_MS;
      const deadline = clock.now() + deadlineMs;
      await this.retry(() => this.port.deleteCustomResourceDefinition(name));
      for (;;) {
        const crd = await this.retry(() => this.port.readCustomResourceDefinition(name));
        if (!crd) return { done: [`${what} deleted`], leftovers: [] };
        if (clock.now() >= deadline) {
          const finalizers = crd.metadata?.finalizers ?? [];
          const reason = `still present after ${Math.round(deadlineMs / 1000)} s (finalizers: ${finalizers.join(', ') || 'none'})`;
          return { done: [], leftovers: [{ what, reason }] };
        }
        await clock.sleep(this.options.pollMs ?? DEFAULT_POLL_MS);
      }
    });
  }

  /** Marks a mutating call as in flight: cleanup waits for it so what it creates is seen. */
  track<T>(operation: Promise<T>): Promise<T> {
    this.inFlight.add(operation);
    const forget = (): void => {
      this.inFlight.delete(operation);
    };
    operation.then(forget, forget);
    return operation;
  }

  /** Runs the given entries (one case's) and merges their reports. */
  async run(entries: CleanupEntry[]): Promise<CleanupReport> {
    return merge(await Promise.all(entries.map((e) => e.run())));
  }

  /**
   * Starts the given entries (one case's) without waiting for them: a case's slot is free as soon
   * as its observation is complete, while its namespace (about 6 s on a real node) goes in the
   * background. settle() or runAll() waits for them and accounts for what they left behind.
   */
  runDetached(entries: CleanupEntry[]): Promise<CleanupReport> {
    const running = this.run(entries);
    this.detached.add(running);
    void running.then(() => this.detached.delete(running));
    return running;
  }

  /** Waits for every detached cleanup; returns what every entry run so far removed and left behind. */
  async settle(): Promise<CleanupReport> {
    while (this.detached.size > 0) await Promise.all([...this.detached]);
    return merge([this.account]);
  }

  /**
   * Runs everything still registered (on interrupt, at the end) and refuses new registrations
   * afterwards; returns the account of every entry run, detached ones included.
   */
  async runAll(): Promise<CleanupReport> {
    this.isClosed = true;
    await this.run([...this.pending]);
    return this.settle();
  }

  private register(what: string, action: () => Promise<CleanupReport>): CleanupEntry {
    if (this.isClosed) throw new Error(`cleanup is closed (run interrupted): refusing to register ${what}`);
    let result: Promise<CleanupReport> | undefined;
    const entry: CleanupEntry = {
      what,
      run: () => {
        result ??= (async () => {
          await Promise.allSettled([...this.inFlight]);
          let report: CleanupReport;
          try {
            report = await action();
          } catch (error) {
            report = { done: [], leftovers: [{ what, reason: describe(error) }] };
          }
          this.account.done.push(...report.done);
          this.account.leftovers.push(...report.leftovers);
          this.pending.delete(entry);
          return report;
        })();
        return result;
      },
    };
    this.pending.add(entry);
    return entry;
  }

  private retry<T>(operation: () => Promise<T>): Promise<T> {
    return withRetry(operation, {
      clock: this.options.clock,
      signal: this.neverAborted,
      maxAttempts: this.options.maxAttempts ?? CLEANUP_ATTEMPTS,
      random: this.options.random,
    });
  }

  /**
   * Releases kubeprop's finalizer and force-deletes the pods (the observation is over, so nobody
   * needs their grace periods), then deletes the namespace and waits until it is gone.
   */
  private async removeNamespace(name: string): Promise<CleanupReport> {
    const what = `namespace ${name}`;
    const { clock } = this.options;
    const deadline = clock.now() + (this.options.namespaceDeadlineMs ?? DEFAULT_NAMESPACE_DEADLINE_MS);
    await this.releasePods(name);
    try {
      await this.retry(() => this.port.deleteNamespace(name));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    for (;;) {
      const namespace = await this.retry(() => this.port.readNamespace(name));
      if (!namespace) return { done: [what], leftovers: [] };
      if (clock.now() >= deadline) {
        const pods = (await this.retry(() => this.port.listPods(name))).items.map(
          (p) => p.metadata?.name ?? '?',
        );
        const seconds = Math.round(
          (this.options.namespaceDeadlineMs ?? DEFAULT_NAMESPACE_DEADLINE_MS) / 1000,
        );
        return {
          done: [],
          leftovers: [
            {
              what,
              reason: `still ${namespace.status?.phase ?? 'present'} after ${seconds} s (pods left: ${pods.length > 0 ? pods.join(', ') : 'none'})`,
            },
          ],
        };
      }
      // A create that raced with the delete may have added a kept pod: release it too.
      await this.releasePods(name);
      await clock.sleep(this.options.pollMs ?? DEFAULT_POLL_MS);
    }
  }

  private async releasePods(namespace: string): Promise<void> {
    const pods = (await this.retry(() => this.port.listPods(namespace))).items;
    for (const pod of pods) {
      const name = pod.metadata?.name ?? '';
      try {
        if (pod.metadata?.finalizers?.includes(KEEP_FINALIZER)) {
          await this.retry(() => this.port.releasePod(namespace, name));
        }
        if (!pod.metadata?.deletionTimestamp || pod.metadata.deletionGracePeriodSeconds !== 0) {
          await this.retry(() => this.port.deletePod(namespace, name, 0));
        }
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
  }
}

function merge(reports: CleanupReport[]): CleanupReport {
  return {
    done: reports.flatMap((r) => r.done),
    leftovers: reports.flatMap((r) => r.leftovers),
  };
}
