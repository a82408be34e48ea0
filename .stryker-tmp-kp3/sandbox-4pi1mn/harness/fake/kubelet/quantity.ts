/**
 * Kubernetes resource quantities (apimachinery resource.Quantity) reduced to plain numbers, and the
 * canonical string forms the API prints in admission messages.
 */
// @ts-nocheck


const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = {
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
};

const QUANTITY = /^([+-]?[0-9.]+)(?:([eE][+-]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?)$/;

/** The value of a quantity in base units (cores, bytes, counts); throws on a malformed quantity. */
export function parseQuantity(text: string | number): number {
  if (typeof text === 'number') return text;
  const match = QUANTITY.exec(text.trim());
  if (!match) throw new Error(`invalid quantity "${text}"`);
  const base = Number(match[1]);
  if (match[2]) return base * 10 ** Number(match[2].slice(1));
  const suffix = match[3] ?? '';
  return base * (BINARY[suffix] ?? DECIMAL[suffix]);
}

/** Value in the resource's canonical unit: millicores for cpu, Mi for memory/storage, counts otherwise. */
export function canonicalAmount(resource: string, text: string | number): number {
  const value = parseQuantity(text);
  const name = resource.replace(/^(requests|limits)\./, '');
  if (name === 'cpu') return Math.round(value * 1000);
  if (name === 'memory' || name === 'ephemeral-storage' || name.startsWith('hugepages-')) {
    return value / 2 ** 20;
  }
  return value;
}

/** Prints a canonical amount the way the API server's Quantity.String() does for these values. */
export function formatAmount(resource: string, amount: number): string {
  const name = resource.replace(/^(requests|limits)\./, '');
  if (name === 'cpu') return amount % 1000 === 0 ? String(amount / 1000) : `${amount}m`;
  if (name === 'memory' || name === 'ephemeral-storage' || name.startsWith('hugepages-')) {
    const bytes = Math.round(amount * 2 ** 20);
    if (bytes === 0) return '0';
    for (const suffix of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
      if (bytes % BINARY[suffix] === 0) return `${bytes / BINARY[suffix]}${suffix}`;
    }
    return String(bytes);
  }
  return String(amount);
}
