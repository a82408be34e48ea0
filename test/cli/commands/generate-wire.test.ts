import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { scenarioYaml } from '../../../cli/commands/generate-documents';
import { scenarioArbitrary } from '../../../generators';
import { cidrContains } from '../../../generators/manifests/networkpolicy-cidr';
import { defaultCapabilities, supportedVersions } from '../../../model/capabilities';
import { FAMILIES, type Scenario } from '../../../model/scenario';
import { manifestProblems } from '../../support/manifest-checks';

const SEEDS = [1, 7, 42];
const PER_SEED = 3;

/** The files `kubeprop generate <family> --seed S --server-version V` writes. */
function generatedFiles(family: (typeof FAMILIES)[number], seed: number, minor: number): string[] {
  const version = supportedVersions().find((v) => v.minor === minor)!;
  const scenarios = fc.sample(scenarioArbitrary(family, defaultCapabilities(version)), {
    seed,
    numRuns: PER_SEED,
  }) as Scenario[];
  return scenarios.map((scenario, i) => scenarioYaml(scenario, i, version));
}

describe('generate output applies as written (offline, through the client wire form)', () => {
  const minors = supportedVersions().map((v) => v.minor);

  it.each(FAMILIES.map((family) => [family]))(
    '%s: every file at every supported version parses into the typed model with wire names, quoted strings and no placeholders',
    (family) => {
      const problems: string[] = [];
      for (const minor of minors) {
        for (const seed of SEEDS) {
          generatedFiles(family, seed, minor).forEach((text, i) => {
            problems.push(...manifestProblems(text).map((p) => `v1.${minor} seed ${seed} #${i}: ${p}`));
          });
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it('NetworkPolicy ipBlocks use the documented example addresses, explained in the header', () => {
    const files = SEEDS.flatMap((seed) => generatedFiles('networkpolicy', seed, 26));
    const withBlocks = files.filter((text) => text.includes('ipBlock:'));
    expect(withBlocks.length).toBeGreaterThan(0);
    for (const text of withBlocks) {
      expect(text).toMatch(/^# ipBlock addresses are examples \(RFC 5737 TEST-NET-1, 192\.0\.2\.0\/24\)/m);
      expect(text).toContain('x/a=192.0.2.11');
      const cidrs = parseAllDocuments(text)
        .map((d) => d.toJS() as { kind: string; spec?: unknown })
        .filter((d) => d.kind === 'NetworkPolicy')
        .flatMap((d) => [...JSON.stringify(d.spec).matchAll(/"(?:cidr|except)":(\[[^\]]*\]|"[^"]*")/g)])
        .flatMap((m) => JSON.parse(m[1]) as string | string[]);
      for (const cidr of cidrs) expect(cidrContains('192.0.2.0/24', cidr.split('/')[0])).toBe(true);
    }
  });
});
