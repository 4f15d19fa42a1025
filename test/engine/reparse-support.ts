/**
 * For the tests of reparseInPart: a full comparison of two parsed trees, and random edits of
 * the kinds a person makes while typing YAML (and some a person makes by accident).
 */
import { isDocument, isMap, isPair, isSeq, type Document } from 'yaml';

/** Fields compared by the walk itself, or shared objects that differ between parses by identity only. */
const WALKED = new Set(['items', 'key', 'value', 'contents', 'schema', 'options', 'directives', 'errors', 'warnings']);

/** The first difference between two trees (every field of every node, ranges included), or undefined. */
export function treeDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return Object.is(a, b) ? undefined : `${path}: ${String(a)} vs ${String(b)}`;
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: ${a.constructor.name} vs ${b.constructor.name}`;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime() ? undefined : `${path}: ${a.toISOString()} vs ${b.toISOString()}`;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: length ${a.length} vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = treeDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  const keysA = Object.keys(a).filter((k) => !WALKED.has(k) && (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => !WALKED.has(k) && (b as Record<string, unknown>)[k] !== undefined);
  if (keysA.sort().join() !== keysB.sort().join()) return `${path}: fields ${keysA.join()} vs ${keysB.join()}`;
  for (const k of keysA) {
    const d = treeDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  if (isDocument(a) && isDocument(b)) {
    return (
      treeDifference(a.contents, b.contents, `${path}.contents`) ??
      treeDifference(a.errors.map((e) => e.code), b.errors.map((e) => e.code), `${path}.errors`) ??
      treeDifference(a.warnings.map((e) => e.code), (b as Document).warnings.map((e) => e.code), `${path}.warnings`)
    );
  }
  if (isPair(a) && isPair(b)) return treeDifference(a.key, b.key, `${path}.key`) ?? treeDifference(a.value, b.value, `${path}.value`);
  if ((isMap(a) && isMap(b)) || (isSeq(a) && isSeq(b))) return treeDifference(a.items, b.items, `${path}.items`);
  return undefined;
}

/** A small seeded generator (mulberry32), so a failure names an edit that can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What gets typed: mostly letters and digits, sometimes YAML's own punctuation and structure. */
const SNIPPETS = [
  'a', 'x', '7', '0', '-', '.', ' ', '  ', '\n', '\n\n', '\r\n', ':', ': ', '- ', '# note', '#', '"', "'", '|', '|+', '|-', '>', '>+',
  '&anchor ', '*anchor', '{', '}', '[', ']', ',', '? ', '!!str ', '!custom ', '%', '---\n', '...\n', '\t', '\n- item', '\n  key: value',
  '\n    nested: 1', 'key: value\n', '- ', '\ufeff', '\\', '@', '`', '<<: ', 'true', 'null', '~', '0x1F', '1e3',
];

export interface RandomEdit {
  text: string;
  description: string;
}

/** One edit at a random place: typing, a snippet, a deletion, a duplicated or removed line. */
export function randomEdit(text: string, random: () => number): RandomEdit {
  const at = Math.floor(random() * (text.length + 1));
  const kind = random();
  if (kind < 0.35) {
    const typed = String.fromCharCode(97 + Math.floor(random() * 26));
    return { text: text.slice(0, at) + typed + text.slice(at), description: `type ${JSON.stringify(typed)} at ${at}` };
  }
  if (kind < 0.65) {
    const snippet = SNIPPETS[Math.floor(random() * SNIPPETS.length)];
    return { text: text.slice(0, at) + snippet + text.slice(at), description: `insert ${JSON.stringify(snippet)} at ${at}` };
  }
  if (kind < 0.85) {
    const length = 1 + Math.floor(random() * 8);
    return { text: text.slice(0, at) + text.slice(at + length), description: `delete ${length} at ${at}` };
  }
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const next = text.indexOf('\n', at);
  const lineEnd = next < 0 ? text.length : next + 1;
  if (kind < 0.93) return { text: text.slice(0, lineEnd) + text.slice(lineStart, lineEnd) + text.slice(lineEnd), description: `duplicate the line at ${lineStart}` };
  return { text: text.slice(0, lineStart) + text.slice(lineEnd), description: `remove the line at ${lineStart}` };
}
