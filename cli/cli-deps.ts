import { randomBytes, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { systemClock, type Clock } from '../harness/clock';
import type { ClusterPort } from '../harness/cluster-port';
import { KubeCluster } from '../harness/kube-cluster';
import { selectTarget, type TargetRequest } from '../harness/targets/select-target';
import { startTarget, systemProbes, type StartedTarget } from '../harness/targets/start-target';
import type { ProgressStream } from '../reporting/progress';
import type { PropertyDefinition } from '../runner/property-definition';
import { PROPERTIES } from '../suites/registry';

/**
 * Everything the cluster-facing commands (run, replay, matrix) take from the outside world, so the
 * whole CLI runs in-process in tests: against the fake cluster, on a virtual clock, with captured
 * output and without ending the test process.
 */
export interface CliDeps {
  /** Results for the user (stdout). */
  out(text: string): void;
  /** Messages and progress (stderr); isTTY decides how progress is drawn. */
  err: ProgressStream;
  /** The command's exit status, set when it finishes (process.exitCode in the CLI). */
  setExitCode(code: number): void;
  /** Ends the process at once: only interrupt handlers call it, after cleanup. */
  exit(code: number): void;
  /** Where SIGINT/SIGTERM arrive. */
  signals: Pick<NodeJS.Process, 'on' | 'off'>;
  clock: Clock;
  env: NodeJS.ProcessEnv;
  /** The properties the CLI knows (suites/registry.ts). */
  properties: readonly PropertyDefinition[];
  /** Picks and starts the cluster of a run (kubeconfig, kind, k3s). */
  startTarget(request: TargetRequest): Promise<StartedTarget>;
  /** The ClusterPort over a started target. */
  portFor(target: StartedTarget): ClusterPort;
  /** A fresh run id: sortable by start time, unique enough for namespaces and report folders. */
  newRunId(): string;
  /** A seed when --seed is not given. */
  randomSeed(): number;
  kubepropVersion: string;
}

function packageVersion(): string {
  const file = path.resolve(__dirname, '..', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** "20250101-093000-1a2b": UTC start time, then randomness for runs started in the same second. */
export function runIdAt(epochMs: number, suffix: string): string {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}-${suffix}`;
}

/** The real world: process streams, system clock, the registry, kind/k3s/kubeconfig targets. */
export function processCliDeps(): CliDeps {
  return {
    out: (text) => process.stdout.write(text),
    err: process.stderr,
    setExitCode: (code) => {
      process.exitCode = code;
    },
    exit: (code) => process.exit(code),
    signals: process,
    clock: systemClock,
    env: process.env,
    properties: PROPERTIES,
    startTarget: async (request) => startTarget(await selectTarget(request, systemProbes())),
    portFor: (target) => new KubeCluster(target.kubeConfig, { auditLog: target.auditLog }),
    newRunId: () => runIdAt(Date.now(), randomBytes(2).toString('hex')),
    // fast-check seeds are 32-bit integers.
    randomSeed: () => randomInt(2 ** 31),
    kubepropVersion: packageVersion(),
  };
}
