import { type Capabilities, type ServerVersion } from './capabilities';

/**
 * The version-gated features the generators choose scenario shapes by. Facts of one cluster's
 * environment (NetworkPolicy enforcement, an audit log, a server image) are not among them: they
 * decide whether a property runs there, not what its cases look like.
 */
export const GENERATION_FEATURES = [
  'sidecars',
  'sleepAction',
  'sleepZero',
  'grpcProbes',
  'probeGrace',
  'procMount',
] as const;
export type GenerationFeature = (typeof GENERATION_FEATURES)[number];

/**
 * What a run's scenarios are generated from. With the same seed and the same basis, two runs
 * generate the same cases, so their verdicts can be compared case by case.
 */
export interface GenerationBasis {
  /** The release the generators target (its version gates); the model still judges by each cluster's own. */
  version: ServerVersion;
  features: Record<GenerationFeature, boolean>;
  /** Whose capabilities these are: the clusters (server versions, contexts) they are common to. */
  sources: string[];
}

/** The basis of a run that generates from one cluster's own capabilities. */
export function basisOf(capabilities: Capabilities, source: string): GenerationBasis {
  const features = Object.fromEntries(GENERATION_FEATURES.map((f) => [f, capabilities[f]])) as Record<
    GenerationFeature,
    boolean
  >;
  return { version: capabilities.version, features, sources: [source] };
}

function newerThan(a: ServerVersion, b: ServerVersion): boolean {
  return a.major > b.major || (a.major === b.major && a.minor > b.minor);
}

function older(a: ServerVersion, b: ServerVersion): ServerVersion {
  return newerThan(a, b) ? b : a;
}

/**
 * What every one of the clusters supports: the oldest release's version gates, and each feature only
 * when all have it. Generating from this gives every cluster the same cases.
 */
export function commonBasis(bases: readonly GenerationBasis[]): GenerationBasis {
  if (bases.length === 0) throw new Error('commonBasis: no clusters to take the common capabilities of');
  const features = Object.fromEntries(
    GENERATION_FEATURES.map((f) => [f, bases.every((basis) => basis.features[f])]),
  ) as Record<GenerationFeature, boolean>;
  return {
    version: bases.map((basis) => basis.version).reduce(older),
    features,
    sources: bases.flatMap((basis) => basis.sources),
  };
}

/**
 * The capabilities a cluster's cases are generated from: its own environment facts, the basis's
 * version gates and features.
 */
export function generationCapabilities(own: Capabilities, basis: GenerationBasis): Capabilities {
  return { ...own, version: basis.version, ...basis.features };
}

/**
 * Why this cluster cannot run cases generated from the basis (empty when it can): a feature the basis
 * uses that the cluster lacks, or version gates newer than the cluster.
 */
export function basisProblems(basis: GenerationBasis, own: Capabilities): string[] {
  const problems = GENERATION_FEATURES.filter((f) => basis.features[f] && !own[f]).map(
    (f) => `the cases use ${f}, which this cluster does not support`,
  );
  if (newerThan(basis.version, own.version))
    problems.push(
      `the cases are generated for ${basis.version.gitVersion}, newer than this cluster (${own.version.gitVersion})`,
    );
  return problems;
}

/** Same version gates and features: the same seed then generates the same cases. */
export function sameBasis(a: GenerationBasis, b: GenerationBasis): boolean {
  return (
    a.version.major === b.version.major &&
    a.version.minor === b.version.minor &&
    GENERATION_FEATURES.every((f) => a.features[f] === b.features[f])
  );
}

/** "v1.23 with grpcProbes, probeGrace": what a basis lets the generators use, for logs and reports. */
export function describeBasis(basis: GenerationBasis): string {
  const on = GENERATION_FEATURES.filter((f) => basis.features[f]);
  return `v${basis.version.major}.${basis.version.minor} with ${on.length > 0 ? on.join(', ') : 'no optional features'}`;
}
