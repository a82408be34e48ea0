import { badInput } from '../harness/errors';
import type { TargetRequest } from '../harness/targets/select-target';
import { FAMILIES, type Family } from '../model/scenario';
import { DEFAULT_MODEL_OPTIONS } from '../model/expectation';
import type { GenerationBasis } from '../model/generation-basis';
import { DEFAULT_IMAGE, DEFAULT_SERVER_IMAGE } from '../runner/defaults';
import { loadKnownIssues, type KnownIssue } from '../runner/known-issues';
import { UPSTREAM_KNOWN_ISSUES } from '../runner/upstream-known-issues';
import type { PropertyDefinition } from '../runner/property-definition';

/** `kubeprop run` options as commander hands them over: text, validated here. */
export interface RawRunOptions {
  families?: string;
  property?: string[];
  runs?: string;
  seed?: string;
  path?: string;
  concurrency?: string;
  image?: string;
  serverImage?: string;
  report?: string;
  budget?: string;
  knownIssues?: string;
  /** false with --no-upstream-known-issues: upstream-confirmed kubelet bugs fail instead of `known`. */
  upstreamKnownIssues?: boolean;
  keepTraces?: boolean;
  slack?: string;
  kubeconfig?: string;
  context?: string;
  nodeImage?: string;
  k3sImage?: string;
  auditLog?: string;
  /** A report.json whose seed and generation basis this run takes, so both runs have the same cases. */
  generateFrom?: string;
  /** A release whose default capabilities the cases are generated for (parallel jobs of a nightly). */
  generateFor?: string;
}

/** The options the cluster target is picked with (run and replay share them). */
export type RawTargetOptions = Pick<
  RawRunOptions,
  'kubeconfig' | 'context' | 'nodeImage' | 'k3sImage' | 'auditLog'
>;

/** A validated run: everything needed before a cluster is touched. */
export interface RunSettings {
  families: Family[];
  propertyIds?: string[];
  /** The properties the run will take, in registry order. */
  selected: PropertyDefinition[];
  runs?: number;
  seed: number;
  path?: string;
  /** Absent: derived from the cluster's schedulable nodes (runner/concurrency.ts chooseConcurrency). */
  concurrency?: number;
  image: string;
  /** The server image (agnhost); undefined with `--server-image none`: the properties needing it are skipped. */
  serverImage?: string;
  reportDir: string;
  budgetSeconds?: number;
  knownIssues: KnownIssue[];
  keepTraces: boolean;
  /** --slack: one slack for every timing window; unset, each field kind has its own (model/timing.ts). */
  slackSeconds?: number;
  target: TargetRequest;
  /** Generate from this basis rather than the cluster's own capabilities (--generate-from, matrix). */
  generation?: GenerationBasis;
}

export interface RunOptionContext {
  properties: readonly PropertyDefinition[];
  runId: string;
  randomSeed(): number;
}

/**
 * An image reference as the distribution/reference grammar (reference/regexp.go) defines it:
 * [domain[:port]/]path[:tag][@sha256:digest], path components lower case.
 */
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const IMAGE_REFERENCE = new RegExp(
  `^(?:[a-zA-Z0-9.-]+(?::\\d+)?/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$`,
);
/** fast-check's replay path: the indexes of the shrink steps, colon separated ("3:0:1"). */
const REPLAY_PATH = /^\d+(?::\d+)*$/;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

function positiveInteger(flag: string, text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value <= 0) {
    throw badInput(`${flag} "${text}" is not a positive whole number`);
  }
  return value;
}

function seconds(flag: string, text: string, allowZero: boolean): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw badInput(`${flag} "${text}" is not a ${allowZero ? 'non-negative' : 'positive'} number of seconds`);
  }
  return value;
}

/** A --seed: fast-check seeds are 32-bit signed integers. */
export function parseSeed(text: string): number {
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || value < INT32_MIN || value > INT32_MAX) {
    throw badInput(`--seed "${text}" is not a whole number between ${INT32_MIN} and ${INT32_MAX}`);
  }
  return value;
}

export function imageReference(flag: string, text: string): string {
  if (!IMAGE_REFERENCE.test(text)) {
    throw badInput(
      `${flag} "${text}" is not an image reference: use e.g. registry.example.com/library/busybox:1.36.1 (optionally @sha256:<digest>)`,
    );
  }
  return text;
}

function splitList(texts: readonly string[]): string[] {
  return texts
    .flatMap((text) => text.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function families(text: string): Family[] {
  const names = splitList([text]);
  if (names.length === 0)
    throw badInput(`--families "${text}" names no family: choose from ${FAMILIES.join(', ')}`);
  for (const name of names) {
    if (!(FAMILIES as readonly string[]).includes(name)) {
      throw badInput(`unknown family "${name}" in --families: choose from ${FAMILIES.join(', ')}`);
    }
  }
  return [...new Set(names)] as Family[];
}

/** --server-image, else $KUBEPROP_SERVER_IMAGE, else agnhost 2.43; "none": no server image. */
function serverImage(text: string | undefined, env: NodeJS.ProcessEnv | undefined): string | undefined {
  const flag = text === undefined ? 'KUBEPROP_SERVER_IMAGE' : '--server-image';
  const value = text ?? env?.KUBEPROP_SERVER_IMAGE ?? DEFAULT_SERVER_IMAGE;
  return value.trim() === 'none' ? undefined : imageReference(flag, value.trim());
}

/** --slack: seconds of timing tolerance on every window, overriding each field kind's slack (run and replay). */
export function slackSeconds(text: string | undefined): number | undefined {
  return text === undefined ? DEFAULT_MODEL_OPTIONS.slackSeconds : seconds('--slack', text, true);
}

/** The --kubeconfig/--context/--node-image/--k3s-image part, shared with `kubeprop replay`. */
export function parseTargetOptions(raw: RawTargetOptions, env?: NodeJS.ProcessEnv): TargetRequest {
  return {
    kubeconfig: raw.kubeconfig,
    context: raw.context,
    env,
    ...(raw.nodeImage === undefined ? {} : { nodeImage: imageReference('--node-image', raw.nodeImage) }),
    ...(raw.k3sImage === undefined ? {} : { k3sImage: imageReference('--k3s-image', raw.k3sImage) }),
    ...(raw.auditLog === undefined ? {} : { auditLog: raw.auditLog }),
  };
}

/** --known-issues and the bundled upstream list (unless --no-upstream-known-issues), for run and judge. */
export function knownIssues(file: string | undefined, upstream: boolean): KnownIssue[] {
  const bundled = upstream ? UPSTREAM_KNOWN_ISSUES : [];
  if (file === undefined) return [...bundled];
  try {
    // The user's entries first: their reason wins where both name the same rule.
    return [...loadKnownIssues(file), ...bundled];
  } catch (error) {
    throw badInput(error instanceof Error ? error.message : String(error), error);
  }
}

/**
 * Which properties run: --property ids (their families unless --families is given too), else every
 * property of --families (default: every family). Each inconsistency is one bad-input line.
 */
function selection(
  raw: RawRunOptions,
  properties: readonly PropertyDefinition[],
): { families: Family[]; propertyIds?: string[]; selected: PropertyDefinition[] } {
  const ids = splitList(raw.property ?? []);
  const chosen = ids.map((id) => {
    const definition = properties.find((p) => p.id === id);
    if (!definition) throw badInput(`unknown property "${id}": \`kubeprop list\` shows the property ids`);
    return definition;
  });
  const selectedFamilies =
    raw.families !== undefined
      ? families(raw.families)
      : chosen.length > 0
        ? [...new Set(chosen.map((p) => p.family))]
        : [...FAMILIES];
  const excluded = chosen.find((p) => !selectedFamilies.includes(p.family));
  if (excluded) {
    throw badInput(`property "${excluded.id}" is in family ${excluded.family}, which --families leaves out`);
  }
  const selected = properties.filter(
    (p) => selectedFamilies.includes(p.family) && (ids.length === 0 || ids.includes(p.id)),
  );
  if (selected.length === 0) {
    throw badInput(
      `no property to run in ${selectedFamilies.join(', ')}: \`kubeprop list\` shows the properties`,
    );
  }
  return { families: selectedFamilies, ...(ids.length > 0 ? { propertyIds: ids } : {}), selected };
}

/** Validates every `kubeprop run` option; the first problem is thrown as a bad-input error (exit 2). */
export function parseRunOptions(
  raw: RawRunOptions,
  context: RunOptionContext,
  env?: NodeJS.ProcessEnv,
): RunSettings {
  const chosen = selection(raw, context.properties);
  const path = raw.path === undefined ? undefined : raw.path.trim();
  if (path !== undefined && !REPLAY_PATH.test(path)) {
    throw badInput(
      `--path "${raw.path}" is not a fast-check replay path: numbers separated by colons, e.g. 3:0:1, as the report prints it`,
    );
  }
  if (path !== undefined && chosen.selected.length !== 1) {
    throw badInput(
      `--path replays one property but ${chosen.selected.length} are selected: name it with --property <id>`,
    );
  }
  return {
    ...chosen,
    runs: raw.runs === undefined ? undefined : positiveInteger('--runs', raw.runs),
    seed: raw.seed === undefined ? context.randomSeed() : parseSeed(raw.seed),
    path,
    concurrency:
      raw.concurrency === undefined ? undefined : positiveInteger('--concurrency', raw.concurrency),
    image: raw.image === undefined ? DEFAULT_IMAGE : imageReference('--image', raw.image),
    serverImage: serverImage(raw.serverImage, env),
    reportDir: raw.report ?? `reports/${context.runId}`,
    budgetSeconds: raw.budget === undefined ? undefined : seconds('--budget', raw.budget, false),
    knownIssues: knownIssues(raw.knownIssues, raw.upstreamKnownIssues ?? true),
    keepTraces: raw.keepTraces ?? false,
    slackSeconds: slackSeconds(raw.slack),
    target: parseTargetOptions(raw, env),
  };
}
