import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../cli/main';
import { ClusterError } from '../../../harness/cluster-error';
import type { ClusterPort } from '../../../harness/cluster-port';
import { environmentProblem } from '../../../harness/errors';
import { managedSelector } from '../../../harness/sweep';
import { loadReport } from '../../../reporting/load-report';
import { PROPERTIES } from '../../../suites/registry';
import { createFakeKubelet } from '../../../harness/fake/kubelet/fake-kubelet';
import { fakeCli, type FakeCli } from '../support/fake-cli';

const NETPOL = 'networkpolicy/reachability-matrix';

function reportDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'kp-run-')), 'report');
}

async function managedNamespaces(cli: FakeCli): Promise<string[]> {
  return (await cli.fake.listNamespaces(managedSelector())).map((ns) => ns.metadata?.name ?? '');
}

/** A port that emits SIGINT once the n-th object has been created in a case namespace. */
function interruptAfterCreates(n: number) {
  return (port: ClusterPort, cli: FakeCli): ClusterPort => {
    let creates = 0;
    return new Proxy(port, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target);
        if (property === 'create') {
          return async (...args: Parameters<ClusterPort['create']>) => {
            const result = await target.create(...args);
            creates += 1;
            if (creates === n) cli.signals.emit('SIGINT');
            return result;
          };
        }
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  };
}

describe('kubeprop run against the fake cluster', () => {
  test('SCTP cells follow the canary: probed where the node carries SCTP, left out with the reason where not', async () => {
    const fieldCounts = async (cli: FakeCli): Promise<number[]> => {
      const dir = reportDir();
      const code = await runCli(
        ['run', '--property', NETPOL, '--runs', '1', '--seed', '3', '--report', dir],
        cli.deps,
      );
      expect(code).toBe(0);
      const report = loadReport(join(dir, 'report.json'));
      expect(report.properties[0].verdict).toBe('pass');
      return report.properties[0].cases.map((c) => Object.keys(c.expectation.fields).length);
    };
    const withSctp = fakeCli();
    expect(await fieldCounts(withSctp)).toEqual([288]);
    expect(withSctp.stderr.join('')).toMatch(
      /kubeprop: NetworkPolicy: SCTP cells probed \(SCTP connected after [\d.]+ s\)\n/,
    );

    // A node like the v1.26.1 test node: its kernel has no SCTP.
    const noSctp = fakeCli({ cluster: { kubelet: createFakeKubelet({ seed: 1, sctp: false }) } });
    expect(await fieldCounts(noSctp)).toEqual([216]);
    expect(noSctp.stderr.join('')).toMatch(
      /kubeprop: NetworkPolicy: no SCTP cells: no SCTP traffic: the node's kernel has no SCTP \(1 probe in [\d.]+ s; last: exit 1: OTHER: protocol not supported\)\n/,
    );
    const { capabilities } = loadReport(
      join(noSctp.stdout.join('').match(/report: (.*)\n/)?.[1] ?? ''),
    ).cluster;
    expect(capabilities).toMatchObject({ networkPolicyEnforced: true, sctpTraffic: false });
    expect(capabilities.sctpTrafficProblem).toMatch(/^the node's kernel has no SCTP/);

    // Without a server image SCTP is not even tried.
    const noImage = fakeCli();
    const dir = reportDir();
    await runCli(
      ['run', '--property', NETPOL, '--runs', '1', '--server-image', 'none', '--report', dir],
      noImage.deps,
    );
    expect(noImage.stderr.join('')).toContain(
      'kubeprop: NetworkPolicy: no SCTP cells: SCTP needs the server image (none (--server-image none))',
    );
    const [property] = loadReport(join(dir, 'report.json')).properties;
    expect(property.cases.map((c) => Object.keys(c.expectation.fields).length)).toEqual([216]);
  }, 120_000);

  test('a healthy cluster: every selected property is reported, exit 0, cleaned up, report printed', async () => {
    const cli = fakeCli();
    const dir = reportDir();
    const code = await runCli(
      ['run', '--families', 'termination,networkpolicy', '--runs', '2', '--seed', '1', '--report', dir],
      cli.deps,
    );
    expect(cli.stderr.join('')).not.toContain('kubeprop: cleanup could not remove');
    expect(code).toBe(0);
    const report = loadReport(join(dir, 'report.json'));
    const expected = PROPERTIES.filter((p) => p.family === 'termination' || p.family === 'networkpolicy');
    expect(expected.length).toBeGreaterThan(0);
    expect(report.properties.map((p) => p.id)).toEqual(expected.map((p) => p.id));
    expect(report.properties.every((p) => p.verdict !== 'fail')).toBe(true);
    expect(report.seed).toBe(1);
    expect(report.options).toMatchObject({ runs: 2, families: ['termination', 'networkpolicy'] });
    expect(report.interrupted).toBeUndefined();
    // The fake has one schedulable node of 4 CPUs and 110 pods: 8 by CPU, 6 by pods (runner/concurrency.ts).
    expect(report.options.concurrency).toBe(6);
    expect(report.options.concurrencyReason).toMatch(
      /^from the cluster: 1 schedulable node, 4 allocatable CPU/,
    );
    expect(cli.stderr.join('')).toContain('concurrency 6 (from the cluster:');
    expect(cli.stdout.join('')).toMatch(
      /efficiency: wall [\d.]+ s, Σ case waits [\d.]+ s, concurrency 6: wall ÷ \(Σ waits ÷ concurrency\) = [\d.]+\n/,
    );
    for (const file of ['junit.xml', 'summary.md', 'index.html'])
      expect(existsSync(join(dir, file))).toBe(true);
    expect(cli.stdout.join('')).toContain(`report: ${join(dir, 'report.json')}`);
    expect(await managedNamespaces(cli)).toEqual([]);
    expect(cli.teardowns).toBe(1);
    expect(cli.exits).toEqual([]);
    // Progress went to stderr, results to stdout.
    // Two runs of each of the two networkpolicy properties.
    expect(cli.stderr.join('')).toMatch(/networkpolicy 4\/4 \| idle \| 0 failures/);
  }, 120_000);

  test('a cluster that ignores egress policies: exit 1, with a reproducer and the replay command', async () => {
    const cli = fakeCli({ defects: ['netpol-egress-ignored'] });
    const dir = reportDir();
    const code = await runCli(
      ['run', '--property', NETPOL, '--runs', '3', '--seed', '5', '--report', dir],
      cli.deps,
    );
    expect(code).toBe(1);
    const report = loadReport(join(dir, 'report.json'));
    const [property] = report.properties;
    expect(property).toMatchObject({ id: NETPOL, verdict: 'fail' });
    const reproducer = join(dir, property.counterexample?.reproducerPath ?? 'missing');
    expect(readFileSync(reproducer, 'utf8')).toContain(
      `# replay: kubeprop run --property ${NETPOL} --seed 5 --path ${property.path}`,
    );
    const out = cli.stdout.join('');
    expect(out).toContain(`fail         ${NETPOL}`);
    expect(out).toContain(`reproducer: ${reproducer}`);
    expect(out).toContain(`replay: kubeprop run --property ${NETPOL} --seed 5 --path ${property.path}`);
    expect(await managedNamespaces(cli)).toEqual([]);

    // The printed replay command reproduces the failure on its own.
    const again = fakeCli({ defects: ['netpol-egress-ignored'] });
    const replayDir = reportDir();
    const replayed = await runCli(
      ['run', '--property', NETPOL, '--seed', '5', '--path', property.path ?? '', '--report', replayDir],
      again.deps,
    );
    expect(replayed).toBe(1);
    expect(loadReport(join(replayDir, 'report.json')).properties[0].verdict).toBe('fail');
  }, 120_000);

  test('an interrupt mid-run: report.json is valid and marked interrupted, no namespace is left, exit 130', async () => {
    const cli = fakeCli({ wrapPort: interruptAfterCreates(8) });
    const dir = reportDir();
    const code = await runCli(
      ['run', '--property', NETPOL, '--runs', '4', '--seed', '2', '--concurrency', '2', '--report', dir],
      cli.deps,
    );
    // The handler exits after cleanup and teardown; in the CLI that ends the process.
    for (let i = 0; i < 1000 && cli.exits.length === 0; i += 1) await new Promise((r) => setImmediate(r));
    expect(cli.exits).toEqual([130]);
    expect(code).toBe(130);
    const report = loadReport(join(dir, 'report.json'));
    expect(report.interrupted).toBe('interrupted');
    const [property] = report.properties;
    expect(property.id).toBe(NETPOL);
    // The two image checks (busybox, the server image) and the NetworkPolicy canary (TCP and SCTP
    // pods, the policy) create 7 objects; 9 pods a case: the 8th create is inside the first case, so
    // not every run was made.
    expect(property.runsMade).toBeLessThan(4);
    expect(property.verdict).not.toBe('pass');
    // Deletion was asked for every namespace; the canary's, deleted just before the interrupt, may
    // still be terminating (5–7 s in the fake, as on a real node) when the process ends.
    await cli.deps.clock.sleep(10_000);
    expect(await managedNamespaces(cli)).toEqual([]);
    expect(cli.stderr.join('')).toContain('SIGINT received: stopping and cleaning up');
    expect(cli.teardowns).toBe(1);
  }, 120_000);
});

describe('kubeprop run: bad input and environment problems', () => {
  test.each([
    [['run', '--families', 'bogus'], 'kubeprop: unknown family "bogus" in --families'],
    [['run', '--runs', 'ten'], 'kubeprop: --runs "ten" is not a positive whole number'],
    [['run', '--property', 'termination/nope'], 'kubeprop: unknown property "termination/nope"'],
    [['run', '--seed', 'x'], 'kubeprop: --seed "x" is not a whole number'],
    [['run', '--families', 'termination', '--path', '0:1'], 'kubeprop: --path replays one property'],
  ])('%j: one line, exit 2, no cluster touched', async (args, message) => {
    const cli = fakeCli();
    expect(await runCli(args, cli.deps)).toBe(2);
    expect(cli.stderr).toHaveLength(1);
    expect(cli.stderr[0].startsWith(message)).toBe(true);
    expect(cli.requests).toEqual([]);
  });

  test('an unknown option (the old --out) is bad input: exit 2', async () => {
    const cli = fakeCli();
    expect(await runCli(['run', '--out', 'reports/1'], cli.deps)).toBe(2);
    expect(cli.stderr[0]).toContain("unknown option '--out'");
    expect(cli.requests).toEqual([]);
  });

  test('target options reach the target starter', async () => {
    const cli = fakeCli({ startError: environmentProblem('no cluster to test against: install kind') });
    const code = await runCli(
      [
        'run',
        '--kubeconfig',
        '/k',
        '--context',
        'c',
        '--node-image',
        'kindest/node:v1.34.0',
        '--k3s-image',
        'rancher/k3s:v1.34.1-k3s1',
      ],
      cli.deps,
    );
    expect(code).toBe(3);
    expect(cli.requests).toEqual([
      {
        kubeconfig: '/k',
        context: 'c',
        env: {},
        nodeImage: 'kindest/node:v1.34.0',
        k3sImage: 'rancher/k3s:v1.34.1-k3s1',
      },
    ]);
    expect(cli.stderr.at(-1)).toBe('kubeprop: no cluster to test against: install kind\n');
  });

  test('missing RBAC permissions: exit 3 naming them, the target torn down', async () => {
    const cli = fakeCli({ cluster: { deniedPermissions: ['list /nodes', 'delete /namespaces'] } });
    const dir = reportDir();
    expect(await runCli(['run', '--property', NETPOL, '--report', dir], cli.deps)).toBe(3);
    const line = cli.stderr.at(-1) ?? '';
    expect(line).toContain('lacks 2 permission(s)');
    expect(line).toContain('deploy/rbac.yaml');
    expect(cli.teardowns).toBe(1);
    expect(existsSync(dir)).toBe(false);
  });

  test('an API server lost after it answered (a timed-out permission check): exit 3 in one line, the target torn down', async () => {
    const cli = fakeCli({
      wrapPort: (port) =>
        Object.assign(Object.create(port) as ClusterPort, {
          canI: () =>
            Promise.reject(
              new ClusterError(
                'unreachable',
                'check permission list persistentvolumeclaims: UND_ERR_CONNECT_TIMEOUT fetch failed',
              ),
            ),
        }),
    });
    expect(await runCli(['run', '--property', NETPOL], cli.deps)).toBe(3);
    expect(cli.stderr.at(-1)).toMatch(
      /^kubeprop: lost the API server: check permission list persistentvolumeclaims/,
    );
    expect(cli.teardowns).toBe(1);
  });

  test('rejected credentials: exit 3 saying how to refresh them', async () => {
    const cli = fakeCli({
      wrapPort: (port) =>
        Object.assign(Object.create(port) as ClusterPort, {
          serverVersion: () => Promise.reject(new ClusterError('unauthorized', 'Unauthorized', 401)),
        }),
    });
    expect(await runCli(['run', '--property', NETPOL], cli.deps)).toBe(3);
    expect(cli.stderr.at(-1)).toContain('rejected the credentials of user "tester" (401)');
    expect(cli.teardowns).toBe(1);
  });
});
