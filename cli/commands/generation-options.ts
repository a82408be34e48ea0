import { badInput } from '../../harness/errors';
import { defaultCapabilities, parseServerVersion } from '../../model/capabilities';
import { basisOf, GENERATION_FEATURES, type GenerationBasis } from '../../model/generation-basis';
import { openReport } from '../../reporting/report-stream';

/** What `--generate-from <report.json>` takes from an earlier run: the same seed and basis give the same cases. */
export interface GenerationSource {
  basis: GenerationBasis;
  seed: number;
}

/**
 * Reads the generation basis and seed of an earlier run. Reports written before the basis was
 * recorded generated from their cluster's own capabilities, which they do record; a feature added to
 * GENERATION_FEATURES after a report was written (procMount) was not generated then, so it is off.
 */
export async function loadGenerationSource(file: string): Promise<GenerationSource> {
  let source;
  try {
    source = await openReport(file);
  } catch (error) {
    throw badInput(
      `--generate-from ${file}: ${(error as Error).message} (give the report.json of an earlier kubeprop run)`,
    );
  }
  const { skeleton } = source;
  const basis =
    skeleton.options.generation ??
    basisOf(skeleton.cluster.capabilities, skeleton.cluster.serverVersion.gitVersion);
  const features = Object.fromEntries(
    GENERATION_FEATURES.map((f) => [f, basis.features[f] ?? false]),
  ) as GenerationBasis['features'];
  return { basis: { ...basis, features }, seed: skeleton.seed };
}

/** `--generate-for v1.32`: that release's default capabilities (model/capabilities.ts defaultCapabilities). */
export function versionBasis(text: string | undefined): GenerationBasis | undefined {
  if (text === undefined) return undefined;
  let version;
  try {
    version = parseServerVersion(text);
  } catch (error) {
    throw badInput(`--generate-for: ${(error as Error).message}`);
  }
  return basisOf(defaultCapabilities(version), `${version.gitVersion} defaults`);
}
