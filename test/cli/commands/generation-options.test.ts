import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadGenerationSource } from '../../../cli/commands/generation-options';
import { defaultCapabilities, parseServerVersion } from '../../../model/capabilities';
import { basisOf, sameBasis } from '../../../model/generation-basis';

/** A report of a real v1.26.1 run (test/fixtures/real-runs), unpacked where --generate-from can read it. */
function unpacked(name: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'kubeprop-generate-from-')), 'report.json');
  writeFileSync(file, gunzipSync(readFileSync(join(__dirname, '../../fixtures/real-runs', name))));
  return file;
}

describe('--generate-from a report written before procMount was a generation feature', () => {
  const ownDefaults = basisOf(defaultCapabilities(parseServerVersion('v1.26.1')), 'v1.26.1');

  it.each([
    // run5 recorded its basis, without procMount; the first run recorded only its capabilities.
    'v1.26.1-seed1-run5.report.json.gz',
    'v1.26.1-seed1-run.report.json.gz',
  ])('%s: procMount off, the same basis as the 1.26 defaults', async (name) => {
    const { basis, seed } = await loadGenerationSource(unpacked(name));
    expect(seed).toBe(1);
    expect(basis.features.procMount).toBe(false);
    expect(sameBasis(basis, ownDefaults)).toBe(true);
  });
});
