/**
 * The detector proper: given a name (env var, ConfigMap key, Dockerfile ENV/ARG) and its
 * value, is the value a secret, and why?
 *
 * Two sources of evidence, strongest first:
 * 1. the value's format: a private key or a credential in a well-known format, from
 *    secretlint's recommended preset (secretlint.ts) plus a few formats it lacks
 *    (formats.ts). These are reported wherever they appear, with the exact substring.
 * 2. the name (names.ts): `DB_PASSWORD: hunter2`. Only for values that are literals
 *    (values.ts): references such as `$(VAR)`, `${VAR}`, `{{ }}`, external store pointers,
 *    file paths, booleans and short numbers are skipped.
 *
 * Runs per keystroke: the scanners are created once, and values too short to hold any known
 * format skip the scanners altogether.
 */
import { scanAwsSecretKey, scanPrivateKeys, scanTokenFormats } from './formats';
import { sensitiveNameReason } from './names';
import { scanWithSecretlint } from './secretlint';
import { ownCopy } from '../text';
import type { SecretMatch } from './types';
import { nonSecretValueReason, trimmedRange } from './values';

/** Shorter than any format we know (the shortest, a Slack token, is `xoxb-1-a`). */
const MIN_FORMAT_LENGTH = 8;

/**
 * Every credential in a known format inside `value` (private keys first, then by position),
 * without overlaps. `name` enables the formats that need it (AWS secret access keys).
 */
export function scanSecretFormats(value: string, name?: string): SecretMatch[] {
  if (value.length < MIN_FORMAT_LENGTH) return [];
  const key = `${name ?? ''}\0${value}`;
  let found = scanned.get(key);
  if (found === undefined) found = scanned.set(key, scanUncached(value, name));
  return found.map((m) => ({ ...m }));
}

/**
 * Results by key, at most `maxChars` characters of keys (emptied when full). `get`, then `set`
 * on a miss, rather than a compute callback: lookups run for every value of a document on
 * every keystroke.
 */
class BoundedMemo<V> {
  private readonly results = new Map<string, V>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  get(key: string): V | undefined {
    return this.results.get(key);
  }

  /** Stores and returns `value`. */
  set(key: string, value: V): V {
    if (this.chars + key.length > this.maxChars) {
      this.results.clear();
      this.chars = 0;
    }
    // A copy: the key is made of strings cut from a document's text, and would keep that text alive.
    this.results.set(ownCopy(key), value);
    this.chars += key.length;
    return value;
  }
}

/**
 * Results by name and value: an edit analyses its document again, and a workload with
 * hundreds of env vars would otherwise run every scanner over every unchanged value on
 * every keystroke. Bounded by the characters it holds, so it stays a few MB at most.
 */
const MAX_MEMO_CHARS = 2_000_000;
const scanned = new BoundedMemo<SecretMatch[]>(MAX_MEMO_CHARS);

function scanUncached(value: string, name: string | undefined): SecretMatch[] {
  const candidates = [
    ...scanWithSecretlint(value),
    ...scanPrivateKeys(value),
    ...scanTokenFormats(value),
    ...scanAwsSecretKey(name, value),
  ];
  return withoutOverlaps(candidates);
}

/** Keeps the first candidate of each overlapping group (secretlint's come first), then sorts. */
function withoutOverlaps(candidates: SecretMatch[]): SecretMatch[] {
  const kept: SecretMatch[] = [];
  for (const c of candidates) {
    if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  }
  const rank = (m: SecretMatch) => (m.kind === 'private-key' ? 0 : 1);
  return kept.sort((a, b) => rank(a) - rank(b) || a.start - b.start);
}

/**
 * The strongest reason to think `value` is a secret: a private key, else a token in a known
 * format, else a literal under a sensitive name. Undefined when it does not look like one.
 * Memoised like the format scan: splitting names into words for thousands of env vars of a
 * big unchanged workload showed up in every keystroke's profile.
 */
export function detectSecret(name: string | undefined, value: string): SecretMatch | undefined {
  const key = `${name === undefined ? '\u0001' : name}\0${value}`;
  let found = detected.get(key);
  // null is a stored "no secret": only undefined is a miss.
  if (found === undefined) found = detected.set(key, detectUncached(name, value) ?? null);
  return found === null ? undefined : { ...found };
}

/** No match is stored as null: undefined means "not computed yet". */
const detected = new BoundedMemo<SecretMatch | null>(MAX_MEMO_CHARS);

function detectUncached(name: string | undefined, value: string): SecretMatch | undefined {
  const [format] = scanSecretFormats(value, name);
  if (format) return format;
  if (name === undefined || nonSecretValueReason(value) !== undefined) return undefined;
  const reason = sensitiveNameReason(name);
  if (!reason) return undefined;
  const [start, end] = trimmedRange(value);
  return { kind: 'sensitive-name', description: reason, start, end };
}
