/**
 * Named ports, as the API server validates them (IANA_SVC_NAME, RFC 6335): container
 * `ports[].name` and string `targetPort`s of Services must be 1-15 lowercase letters, digits
 * and hyphens, with at least one letter, no hyphen at either end and no two in a row.
 */

/** Why `name` is not a valid port name, or undefined when it is. */
export function portNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  if (name.length > 15) return `is ${name.length} characters long (at most 15)`;
  if (!/^[-a-z0-9]+$/.test(name)) return /[A-Z]/.test(name) && /^[-a-zA-Z0-9]+$/.test(name) ? 'has uppercase letters' : 'has characters other than lowercase letters, digits and "-"';
  if (!/[a-z]/.test(name)) return 'has no letter';
  if (name.startsWith('-') || name.endsWith('-')) return 'starts or ends with "-"';
  if (name.includes('--')) return 'has two "-" in a row';
  return undefined;
}
