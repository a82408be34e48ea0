import { Document, isScalar, parse, visit } from 'yaml';
import { wireForm, type WireObject } from './wire-form';

/** Parsing a plain scalar the way each reader does: YAML 1.2 (client-node, yaml) and 1.1 (kubectl's sigs.k8s.io/yaml). */
const READER_VERSIONS = ['1.1', '1.2'] as const;

const MAX_REMEMBERED = 10_000;
const verdicts = new Map<string, boolean>();

/** YAML 1.1's merge and value keys: plain scalars as values, but special as mapping keys. */
const YAML11_KEY_TOKENS = new Set(['<<', '=']);

/**
 * Whether a one-line string would come back as the same string from every reader if written plain.
 * YAML 1.1 reads yes/no/on/off/y/n, 1_000 and 1:20 as booleans and numbers, YAML 1.2 reads 0o17 as
 * a number; asking the parser itself covers every such form. Multi-line strings are written as block
 * scalars, which are always strings.
 */
function readsBackAsItself(text: string): boolean {
  if (text.includes('\n')) return true;
  if (YAML11_KEY_TOKENS.has(text)) return false;
  const known = verdicts.get(text);
  if (known !== undefined) return known;
  const verdict = READER_VERSIONS.every((version) => {
    try {
      return parse(text, { version }) === text;
    } catch {
      return false;
    }
  });
  // Keys and most values recur in every object: parsing each once keeps writing fast.
  if (verdicts.size >= MAX_REMEMBERED) verdicts.clear();
  verdicts.set(text, verdict);
  return verdict;
}

const PRINTABLE = /^[\x20-\x7e]*$/;

/** One object as a YAML document: wire names, and every string that a reader could mistake quoted. */
function documentText(object: WireObject): string {
  const document = new Document(wireForm(object));
  visit(document, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && !readsBackAsItself(node.value)) {
        // Single quotes keep JSON values (the intent annotation) readable; escapes need double quotes.
        node.type = PRINTABLE.test(node.value) ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE';
      }
    },
  });
  return document.toString({ lineWidth: 0 }).trimEnd();
}

/**
 * The one way kubeprop writes manifests for people (`generate` files, reproducers): comment lines
 * first, then every object as its own document through the client's serializer, ready for
 * `kubectl apply -f`.
 */
export function manifestYaml(comments: readonly string[], objects: readonly WireObject[]): string {
  const header = comments
    .flatMap((comment) => comment.split('\n'))
    .map((line) => (line === '' ? '#' : `# ${line}`))
    .join('\n');
  const documents = objects.map((object) => `---\n${documentText(object)}\n`).join('');
  return comments.length > 0 ? `${header}\n${documents}` : documents;
}
