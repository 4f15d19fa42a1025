/**
 * Values that are whole files (a ConfigMap's `application.properties`, `.env`, `config.yaml`)
 * hide their secrets in `key = value` / `key: value` lines. These helpers find such lines and
 * decode `binaryData`, so the detector can be applied to what is inside.
 */
import { detectSecret } from './detect';
import type { SecretMatch } from './types';

/** `spring.datasource.password=x`, `export DB_PASSWORD="x"`, `  token: x` (one per line). */
const ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][\w.-]*)[ \t]*[=:][ \t]*(.*?)[ \t]*$/dgm;
const QUOTED = /^(["'])(.*)\1$/;
/** An unquoted literal: one word, not code (`os.environ["X"]`, `get(...)`) or a list. */
const UNQUOTED_LITERAL = /^[^\s()[\]{}<>,;]+$/;
/**
 * Words too ambiguous inside files: `passwd:` is the user database in nsswitch.conf and
 * `PWD=` the working directory in shell scripts.
 */
const AMBIGUOUS_KEYS = new Set(['passwd', 'pwd']);

export interface EmbeddedSecret extends SecretMatch {
  /** The key of the line the secret sits on. */
  key: string;
}

/**
 * Literal values under sensitive keys inside a multi-line text; offsets are into `text`.
 * Token formats are not looked for here: scan the whole text for those.
 */
export function findSensitiveAssignments(text: string): EmbeddedSecret[] {
  if (!text.includes('\n')) return [];
  const out: EmbeddedSecret[] = [];
  ASSIGNMENT.lastIndex = 0;
  for (let m = ASSIGNMENT.exec(text); m; m = ASSIGNMENT.exec(text)) {
    const [, key, raw] = m;
    const quoted = QUOTED.exec(raw);
    const value = quoted ? quoted[2] : raw;
    if (!quoted && !UNQUOTED_LITERAL.test(value)) continue;
    if (AMBIGUOUS_KEYS.has(key.toLowerCase())) continue;
    const secret = detectSecret(key, value);
    if (secret?.kind !== 'sensitive-name') continue;
    const valueStart = m.indices![2][0] + (quoted ? 1 : 0);
    out.push({ ...secret, key, start: valueStart + secret.start, end: valueStart + secret.end });
  }
  return out;
}

/** The text inside a `binaryData` value, or undefined when it is not base64 of UTF-8 text. */
export function decodeBase64Text(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '');
  if (compact === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return undefined;
  const text = Buffer.from(compact, 'base64').toString('utf8');
  // Binary content (certificates in DER, images) is not text we can scan.
  return text.includes('\uFFFD') || hasControlCharacters(text) ? undefined : text;
}

/** NUL..BS and SO..US: bytes that do not occur in text files (tab, newlines and CR do). */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x08 || (c >= 0x0e && c <= 0x1f)) return true;
  }
  return false;
}
