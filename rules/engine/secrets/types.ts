/** What the secret detector says about a value. */

/**
 * - `private-key`: a PEM private key block.
 * - `token`: a credential in a well-known format (cloud keys, API tokens, passwords in URLs).
 * - `sensitive-name`: a literal value under a name that says it is secret (`DB_PASSWORD`).
 */
export type SecretKind = 'private-key' | 'token' | 'sensitive-name';

export interface SecretMatch {
  kind: SecretKind;
  /**
   * What was found, as a noun phrase that never contains the secret itself:
   * "GitHub Token", "private key", "password".
   */
  description: string;
  /** The offending substring of the value: value.slice(start, end). */
  start: number;
  end: number;
}
