import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserFacingError } from '../../harness/errors';
import { FAMILIES } from '../../model/scenario';
import { DEFAULT_IMAGE } from '../../runner/defaults';
import type { PropertyDefinition } from '../../runner/property-definition';
import { UPSTREAM_KNOWN_ISSUES } from '../../runner/upstream-known-issues';
import { imageReference, parseRunOptions, type RawRunOptions } from '../../cli/run-options';

/** Only id and family matter to option parsing. */
function property(id: string): PropertyDefinition {
  return { id, family: id.split('/')[0] } as PropertyDefinition;
}

const PROPS = [
  property('termination/a'),
  property('termination/b'),
  property('hooks/c'),
  property('networkpolicy/d'),
];
const context = { properties: PROPS, runId: '20250101-000000-abcd', randomSeed: () => 99 };

function parse(raw: RawRunOptions) {
  return parseRunOptions(raw, context);
}

function badInputOf(raw: RawRunOptions): string {
  try {
    parse(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).exitCode).toBe(2);
    return (error as UserFacingError).toLine();
  }
  throw new Error(`accepted ${JSON.stringify(raw)}`);
}

describe('parseRunOptions', () => {
  test('defaults: every family, a random seed, reports/<run-id>, the default image, per-field slack (no --slack override)', () => {
    const settings = parse({});
    expect(settings.families).toEqual([...FAMILIES]);
    expect(settings.selected.map((p) => p.id)).toEqual(PROPS.map((p) => p.id));
    expect(settings.seed).toBe(99);
    expect(settings.reportDir).toBe('reports/20250101-000000-abcd');
    expect(settings.image).toBe(DEFAULT_IMAGE);
    expect(settings.slackSeconds).toBeUndefined();
    expect(settings.concurrency).toBeUndefined();
    expect(settings.keepTraces).toBe(false);
    expect(settings.knownIssues).toEqual([...UPSTREAM_KNOWN_ISSUES]);
  });

  test("--no-upstream-known-issues leaves only the user's list", () => {
    expect(parse({ upstreamKnownIssues: false }).knownIssues).toEqual([]);
  });

  test('--property selects its own family when --families is absent; ids may be repeated or comma-joined', () => {
    const settings = parse({ property: ['hooks/c', 'termination/b,termination/a'] });
    expect(settings.families.sort()).toEqual(['hooks', 'termination']);
    // Registry order, not command-line order.
    expect(settings.selected.map((p) => p.id)).toEqual(['termination/a', 'termination/b', 'hooks/c']);
    expect(settings.propertyIds).toEqual(['hooks/c', 'termination/b', 'termination/a']);
  });

  test('numbers, path, image, budget, slack and target options come through', () => {
    const settings = parse({
      families: 'termination, hooks',
      runs: '5',
      seed: '-12',
      concurrency: '3',
      budget: '90.5',
      slack: '0',
      image: 'localhost:5000/library/busybox:1.36.1',
      report: 'out/x',
      keepTraces: true,
      kubeconfig: '/k',
      context: 'ctx',
      nodeImage: 'kindest/node:v1.34.0',
    });
    expect(settings).toMatchObject({
      families: ['termination', 'hooks'],
      runs: 5,
      seed: -12,
      concurrency: 3,
      budgetSeconds: 90.5,
      slackSeconds: 0,
      image: 'localhost:5000/library/busybox:1.36.1',
      reportDir: 'out/x',
      keepTraces: true,
      target: { kubeconfig: '/k', context: 'ctx', nodeImage: 'kindest/node:v1.34.0' },
    });
    expect(parse({ property: ['hooks/c'], path: '3:0:12' }).path).toBe('3:0:12');
  });

  test('--known-issues is loaded; an unreadable or malformed file is bad input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kp-known-'));
    const good = join(dir, 'known.yaml');
    writeFileSync(good, '- property: termination/a\n  versions: ">=1.30"\n  reason: upstream bug\n');
    expect(parse({ knownIssues: good }).knownIssues).toEqual([
      { property: 'termination/a', versions: '>=1.30', reason: 'upstream bug' },
      ...UPSTREAM_KNOWN_ISSUES,
    ]);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'property: x\n');
    expect(badInputOf({ knownIssues: bad })).toContain('must be a YAML list');
    expect(badInputOf({ knownIssues: join(dir, 'missing.yaml') })).toContain('cannot read known-issues file');
  });

  test.each<[string, RawRunOptions, string]>([
    ['unknown family', { families: 'termination,bogus' }, 'unknown family "bogus" in --families'],
    ['empty family list', { families: ' , ' }, 'names no family'],
    ['unknown property', { property: ['termination/nope'] }, 'unknown property "termination/nope"'],
    [
      'property outside --families',
      { property: ['hooks/c'], families: 'termination' },
      'which --families leaves out',
    ],
    ['family without properties', { families: 'quota' }, 'no property to run in quota'],
    ['zero runs', { runs: '0' }, '--runs "0" is not a positive whole number'],
    ['fractional runs', { runs: '2.5' }, '--runs "2.5" is not a positive whole number'],
    ['text concurrency', { concurrency: 'many' }, '--concurrency "many" is not a positive whole number'],
    ['fractional seed', { seed: '1.5' }, '--seed "1.5" is not a whole number'],
    ['seed beyond 32 bits', { seed: '2147483648' }, '--seed "2147483648" is not a whole number'],
    ['zero budget', { budget: '0' }, '--budget "0" is not a positive number of seconds'],
    ['negative slack', { slack: '-1' }, '--slack "-1" is not a non-negative number of seconds'],
    ['malformed path', { property: ['hooks/c'], path: '1:a' }, 'is not a fast-check replay path'],
    [
      'path over several properties',
      { families: 'termination', path: '1:0' },
      '--path replays one property but 2 are selected',
    ],
    ['image with spaces', { image: 'busy box' }, '--image "busy box" is not an image reference'],
    ['image with upper-case path', { image: 'Library/BusyBox' }, 'is not an image reference'],
    ['k3s image', { k3sImage: 'rancher/k3s:' }, '--k3s-image "rancher/k3s:" is not an image reference'],
  ])('%s is one bad-input line', (_name, raw, message) => {
    const line = badInputOf(raw);
    expect(line).toContain(message);
    expect(line.startsWith('kubeprop: ')).toBe(true);
    expect(line).not.toContain('\n');
  });
});

describe('imageReference', () => {
  test.each([
    'docker.io/library/busybox:1.36.1',
    'busybox',
    'registry.k8s.io/e2e-test-images/agnhost:2.47',
    'localhost:5000/busybox@sha256:' + 'a'.repeat(64),
    'mirror.example.com:8443/team/busy_box-x:v1.0-rc.1',
  ])('accepts %s', (reference) => {
    expect(imageReference('--image', reference)).toBe(reference);
  });

  test.each(['', 'busybox:', 'busybox@sha256:abc', '-busybox', 'busybox:1.36 ', 'a//b'])(
    'rejects "%s"',
    (reference) => {
      expect(() => imageReference('--image', reference)).toThrow(UserFacingError);
    },
  );
});
