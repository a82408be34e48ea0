/**
 * Kubernetes quantities in kubeprop's canonical units (cpu in millicores, memory and storage in Mi,
 * everything else as a count) and their canonical text, so the model can predict messages that
 * print quantities (quota, LimitRange, eviction) and reducers can read quantities back.
 * Source: staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go (String, CanonicalizeBytes).
 */

export type QuantityUnit = 'milliCpu' | 'mebibytes' | 'count';

const MEBIBYTE = 1024 * 1024;
const DECIMAL_SUFFIXES: Record<number, string> = { 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const BINARY_SUFFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/** Which canonical unit a resource name (or quota key such as "limits.memory") is counted in. */
export function unitOf(resourceName: string): QuantityUnit {
  const base = resourceName.replace(/^(requests|limits)\./, '');
  if (base === 'cpu') return 'milliCpu';
  // requests.storage, also a storage class's share (<class>.storageclass.storage.k8s.io/requests.storage).
  const storage = base === 'storage' || resourceName.endsWith('/requests.storage');
  if (base === 'memory' || base === 'ephemeral-storage' || storage || base.startsWith('hugepages-'))
    return 'mebibytes';
  return 'count';
}

/** DecimalSI canonical form of an integer number of units: the largest power-of-1000 suffix that keeps it whole. */
function formatDecimalUnits(units: number): string {
  if (units === 0) return '0';
  let mantissa = units;
  let exponent = 0;
  while (exponent < 18 && mantissa % 1000 === 0) {
    mantissa /= 1000;
    exponent += 3;
  }
  return `${mantissa}${DECIMAL_SUFFIXES[exponent]}`;
}

/** "250m", "1", "1500m", "1k": a cpu quantity given in millicores, as Quantity.String prints it. */
export function formatMilli(milli: number): string {
  const whole = Math.round(milli);
  if (whole === 0) return '0';
  if (whole % 1000 !== 0) return `${whole}m`;
  return formatDecimalUnits(whole / 1000);
}

/** "64Mi", "1Gi", "1536Mi": a BinarySI quantity given in Mi, as Quantity.String prints it. */
export function formatMebibytes(mebibytes: number): string {
  const bytes = Math.round(mebibytes * MEBIBYTE);
  if (bytes === 0) return '0';
  let mantissa = bytes;
  let power = 0;
  while (power < BINARY_SUFFIXES.length - 1 && mantissa % 1024 === 0) {
    mantissa /= 1024;
    power += 1;
  }
  return `${mantissa}${BINARY_SUFFIXES[power]}`;
}

/** A value in the resource's canonical unit, printed as the API server prints that quantity. */
export function formatQuantity(resourceName: string, value: number): string {
  switch (unitOf(resourceName)) {
    case 'milliCpu':
      return formatMilli(value);
    case 'mebibytes':
      return formatMebibytes(value);
    case 'count':
      return formatDecimalUnits(Math.round(value));
  }
}

const SUFFIX_FACTORS: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const QUANTITY_PATTERN = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+)|([a-zA-Z]*))$/;

/** Parses a quantity ("100m", "64Mi", "1e3", "2") into base units (cores, bytes, items); undefined if malformed. */
export function parseQuantity(text: string): number | undefined {
  const match = QUANTITY_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const [, number, exponent, suffix] = match;
  if (exponent !== undefined) return Number(number) * 10 ** Number(exponent);
  const factor = SUFFIX_FACTORS[suffix ?? ''];
  return factor === undefined ? undefined : Number(number) * factor;
}

/** Parses a quantity into the canonical unit of the named resource (cpu → millicores, memory → Mi). */
export function parseInUnitOf(resourceName: string, text: string): number | undefined {
  const base = parseQuantity(text);
  if (base === undefined) return undefined;
  switch (unitOf(resourceName)) {
    case 'milliCpu':
      return Math.round(base * 1000);
    case 'mebibytes':
      return base / MEBIBYTE;
    case 'count':
      return base;
  }
}
