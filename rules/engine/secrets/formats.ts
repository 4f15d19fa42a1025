/**
 * Token formats that secretlint's recommended preset does not cover (checked against
 * 13.0.7), kept small and precise. The preset is the reference for everything else.
 *
 * - Google API keys (`AIza...`): the preset's GCP rule only reads service-account files.
 * - JSON Web Tokens: not in the preset.
 * - PEM private keys with labels the preset's pattern misses (`ENCRYPTED PRIVATE KEY`,
 *   legacy encrypted PEM with `Proc-Type` headers); placeholder bodies (`...`) are skipped.
 * - Passwords in URLs of any scheme (`redis://:pw@`, `amqp://u:pw@`, `https://u:p%40ss@`):
 *   the preset's basic-auth rule only accepts `[-\w]` passwords on http(s)/ftp hosts with a
 *   TLD, and its connection-string rule only MongoDB, MySQL and PostgreSQL.
 * - `Authorization` header values (`Bearer <token>`, `Basic <base64>`).
 * - AWS secret access keys (40 base64 characters) under an AWS secret key name: the preset
 *   needs `AWS_SECRET_ACCESS_KEY=` in the same text, which an env var's value never has.
 */
import { nameWords } from './names';
import type { SecretMatch } from './types';

interface TokenFormat {
  description: string;
  pattern: RegExp;
  /** The capture group to report, when narrower than the whole match (needs the `d` flag). */
  group?: number;
  accept?: (match: RegExpExecArray) => boolean;
}

const TOKEN_FORMATS: readonly TokenFormat[] = [
  { description: 'Google API key', pattern: /(?<![\w-])AIza[\w-]{35}(?![\w-])/g },
  {
    description: 'JSON Web Token',
    pattern: /(?<![\w.-])eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]*(?![\w.-])/g,
  },
  {
    description: 'password in a URL',
    pattern: /\b[a-z][a-z0-9+.-]{1,30}:\/\/[^\s:@/?#]{0,256}:([^\s@/?#]{1,256})@[^\s/?#@]/dgi,
    group: 1,
    accept: (m) => !/^(?:\$\(|\$\{|\{\{|\$[A-Za-z_]|<|\*+$|x+$)/i.test(m[1]),
  },
  {
    description: 'Authorization header credential',
    pattern: /\b(?:Bearer|Basic) ([\w.~+/-]{16,}=*)(?![\w.~+/=-])/dg,
    group: 1,
    accept: (m) => /\d/.test(m[1]) && /[A-Za-z]/.test(m[1]),
  },
];

const PEM_BEGIN = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY( BLOCK)?-----/g;
const PEM_HEADER_LINE = /^[\w-]+:.*$/gm;
const BASE64_BODY = /^[A-Za-z0-9+/]+=*$/;
const MIN_PEM_BODY = 64;

const AWS_SECRET_VALUE = /^[A-Za-z0-9/+=]{40}$/;

export function scanTokenFormats(value: string): SecretMatch[] {
  const out: SecretMatch[] = [];
  for (const format of TOKEN_FORMATS) {
    format.pattern.lastIndex = 0;
    for (let m = format.pattern.exec(value); m; m = format.pattern.exec(value)) {
      if (format.accept && !format.accept(m)) continue;
      const [start, end] = format.group ? m.indices![format.group] : [m.index, m.index + m[0].length];
      out.push({ kind: 'token', description: format.description, start, end });
    }
  }
  return out;
}

export function scanPrivateKeys(value: string): SecretMatch[] {
  if (!value.includes('PRIVATE KEY')) return [];
  const out: SecretMatch[] = [];
  PEM_BEGIN.lastIndex = 0;
  for (let m = PEM_BEGIN.exec(value); m; m = PEM_BEGIN.exec(value)) {
    const endMarker = `-----END ${m[1]}PRIVATE KEY${m[2] ?? ''}-----`;
    const endAt = value.indexOf(endMarker, m.index + m[0].length);
    if (endAt < 0) continue;
    const body = value.slice(m.index + m[0].length, endAt).replace(PEM_HEADER_LINE, '').replace(/\s|\\n/g, '');
    if (body.length < MIN_PEM_BODY || !BASE64_BODY.test(body)) continue;
    out.push({ kind: 'private-key', description: 'private key', start: m.index, end: endAt + endMarker.length });
    PEM_BEGIN.lastIndex = endAt + endMarker.length;
  }
  return out;
}

/** An AWS secret access key under `AWS_SECRET_ACCESS_KEY`, `awsSecretKey` and the like. */
export function scanAwsSecretKey(name: string | undefined, value: string): SecretMatch[] {
  if (name === undefined) return [];
  const trimmed = value.trim();
  if (!AWS_SECRET_VALUE.test(trimmed)) return [];
  const words = nameWords(name);
  if (!words.includes('aws') || !words.includes('secret')) return [];
  const start = value.indexOf(trimmed);
  return [{ kind: 'token', description: 'AWS secret access key', start, end: start + trimmed.length }];
}
