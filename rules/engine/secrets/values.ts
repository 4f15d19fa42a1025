/**
 * Is a value a literal that could be a secret, or obviously something else? Used only for
 * the name heuristics: a credential in a well-known format is reported wherever it appears.
 *
 * Placeholders such as `changeme` are deliberately *not* skipped: a default password
 * committed to git is exactly the smell the rules look for.
 */

/** Filled in at deploy time: `$(VAR)` (Kubernetes), `${VAR}` / `$VAR` (envsubst), `{{ }}` (Helm). */
const REFERENCE = /\$\(|\$\{|\{\{|^\$[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Pointers into external secret stores, resolved by an operator or an init tool:
 * AWS Secrets Manager / SSM ARNs, Vault, vals (`ref+`), Berglas and Secret Manager (`sm://`),
 * 1Password (`op://`), Azure Key Vault.
 */
const EXTERNAL_STORE_REFERENCE =
  /^(?:arn:aws[\w-]*:(?:secretsmanager|ssm):|vault:|ref\+|sm:\/\/|berglas:\/\/|op:\/\/|akv:\/\/|azurekeyvault:\/\/|projects\/[^/\s]+\/secrets\/)/i;

/** A file path: the value names where the secret is, e.g. /var/run/secrets/... */
const FILE_PATH = /^(?:\/|~\/|\.\.?\/|file:\/\/)\S*$/;

const NOT_SECRET_WORDS = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'null', 'none', '~']);

/** Short numbers are ports, counts and durations, not credentials. */
const SHORT_NUMBER = /^\d{1,5}$/;

/**
 * Markers that a tutorial or a script replaces before use: `<your-token>`, and upper-case
 * identifiers such as `GOOGLE_API_KEY_VAL` or `HF_TOKEN` (sed and envsubst templates). They
 * cannot be working credentials, unlike a default such as `changeme`.
 */
const FILL_IN_MARKER = /^(?:<[^<>]+>|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)$/;

/** Why a value is not a literal secret, or undefined when it may be one. */
export function nonSecretValueReason(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return 'empty';
  if (NOT_SECRET_WORDS.has(trimmed.toLowerCase())) return 'a boolean or null';
  if (SHORT_NUMBER.test(trimmed)) return 'a short number';
  if (REFERENCE.test(trimmed)) return 'a reference filled in at deploy time';
  if (EXTERNAL_STORE_REFERENCE.test(trimmed)) return 'a reference to an external secret store';
  if (FILL_IN_MARKER.test(trimmed)) return 'a marker to fill in';
  if (FILE_PATH.test(trimmed)) return 'a file path';
  return undefined;
}

/** The value without surrounding whitespace, as a [start, end) range. */
export function trimmedRange(value: string): [number, number] {
  const start = value.length - value.trimStart().length;
  return [start, Math.max(start, value.trimEnd().length)];
}
