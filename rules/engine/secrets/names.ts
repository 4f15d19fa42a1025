/**
 * Palisade's name heuristics: does an env var name or a ConfigMap key say that its value is
 * a secret?
 *
 * Names are split into lower-case word parts (`dbPassword`, `DB_PASSWORD`, `db.password`,
 * `db-password` all give `db password`), so that a sensitive word must be a whole word part:
 * `SECRETARY_EMAIL`, `TOKENIZER` and `PASSWORDLESS_LOGIN` are not secrets.
 *
 * A name whose last word says the value is *about* a secret rather than the secret itself is
 * not sensitive: `PASSWORD_FILE`, `TOKEN_PATH`, `SECRET_NAME`, `DB_SECRET_REF`,
 * `AWS_ACCESS_KEY_ID`, `TOKEN_URL`, `TOKEN_TTL`, `PASSWORD_MIN_LENGTH`. Such values are
 * file paths, object names, identifiers, endpoints or settings; a credential pasted into
 * one of them is still caught by the value formats.
 */

/** Whole word parts that name a secret, with the noun used in messages. */
const SENSITIVE_WORDS: ReadonlyMap<string, string> = new Map([
  ['password', 'password'],
  ['passwords', 'password'],
  ['passwd', 'password'],
  ['pwd', 'password'],
  ['pass', 'password'],
  ['pswd', 'password'],
  ['pswrd', 'password'],
  ['pword', 'password'],
  ['passphrase', 'passphrase'],
  ['secret', 'secret'],
  ['secrets', 'secret'],
  ['token', 'token'],
  ['tokens', 'token'],
  ['bearer', 'token'],
  ['apikey', 'API key'],
  ['accesskey', 'access key'],
  ['secretkey', 'secret key'],
  ['privatekey', 'private key'],
  ['authkey', 'authentication key'],
  ['credential', 'credential'],
  ['credentials', 'credential'],
  ['creds', 'credential'],
]);

/** Endings of run-together words (`dbpassword`, `clientsecret`, `apitoken`). */
const SENSITIVE_ENDINGS: ReadonlyArray<[string, string]> = [
  ['password', 'password'],
  ['passwd', 'password'],
  ['passphrase', 'passphrase'],
  ['secret', 'secret'],
  ['token', 'token'],
  ['apikey', 'API key'],
  ['credentials', 'credential'],
];

/** `<word> key` pairs that name a key used as a credential (a bare `key` does not). */
const KEY_QUALIFIERS: ReadonlyMap<string, string> = new Map([
  ['api', 'API key'],
  ['access', 'access key'],
  ['secret', 'secret key'],
  ['private', 'private key'],
  ['auth', 'authentication key'],
  ['account', 'account key'],
  ['encryption', 'encryption key'],
  ['signing', 'signing key'],
  ['master', 'master key'],
  ['hmac', 'HMAC key'],
  ['jwt', 'JWT key'],
  ['license', 'license key'],
]);

/** `id_rsa`-style names of SSH private key files. */
const SSH_KEY_ALGORITHMS = new Set(['rsa', 'dsa', 'ecdsa', 'ed25519']);

/** Last words that make the value a reference to, or a setting of, a secret. */
const NON_SECRET_LAST_WORDS = new Set([
  'file', 'files', 'path', 'paths', 'dir', 'directory', 'folder', 'mount', 'location',
  'name', 'names', 'ref', 'reference', 'id', 'ids', 'arn',
  'url', 'uri', 'urls', 'endpoint', 'host', 'hostname', 'port', 'header', 'prefix', 'suffix',
  'type', 'kind', 'mode', 'enabled', 'enable', 'disabled', 'required', 'policy', 'format',
  'algorithm', 'alg', 'provider', 'issuer', 'audience', 'scope', 'scopes', 'namespace', 'version',
  'ttl', 'expiry', 'expiration', 'expires', 'lifetime', 'timeout', 'duration', 'interval',
  'seconds', 'secs', 'minutes', 'hours', 'days', 'length', 'len', 'count', 'size', 'rotation',
]);

/** File extensions dropped from dotted ConfigMap keys (`password.txt` names a password). */
const FILE_EXTENSIONS = new Set([
  'txt', 'json', 'yaml', 'yml', 'toml', 'ini', 'conf', 'cfg', 'properties', 'env', 'xml',
  'pem', 'crt', 'cert', 'key', 'der', 'p12', 'pfx', 'jks',
]);

/** `dbPassword`, `DB_PASSWORD`, `db.password`, `db-password.txt` -> ["db", "password"]. */
export function nameWords(name: string): string[] {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  if (name.includes('.') && words.length > 1 && FILE_EXTENSIONS.has(words[words.length - 1])) words.pop();
  return words;
}

/**
 * The kind of secret a name says its value is ("password", "API key"), or undefined when the
 * name does not look sensitive.
 */
export function sensitiveNameReason(name: string): string | undefined {
  const words = nameWords(name).map(withoutNumber);
  if (words.length === 0 || NON_SECRET_LAST_WORDS.has(words[words.length - 1])) return undefined;
  for (let i = 0; i < words.length; i++) {
    const reason = wordReason(words, i);
    if (reason) return reason;
  }
  return undefined;
}

/** `password2` is a numbered `password`; `ed25519` is a name, not a numbered `ed`. */
function withoutNumber(word: string): string {
  return /^[a-z]+\d+$/.test(word) && !SSH_KEY_ALGORITHMS.has(word) ? word.replace(/\d+$/, '') : word;
}

function wordReason(words: string[], i: number): string | undefined {
  const word = words[i];
  const exact = SENSITIVE_WORDS.get(word);
  if (exact) return exact;
  const next = words[i + 1];
  if (next === 'key' && KEY_QUALIFIERS.has(word)) return KEY_QUALIFIERS.get(word);
  if (word === 'id' && next !== undefined && SSH_KEY_ALGORITHMS.has(next)) return 'private key';
  for (const [ending, reason] of SENSITIVE_ENDINGS) {
    if (word.length > ending.length && word.endsWith(ending)) return reason;
  }
  return undefined;
}
