/**
 * Obviously fake, format-valid credentials for tests. Each is assembled from pieces so that
 * the repository never holds a literal that secret scanners (or people) take for a real one.
 */
export const FAKE = {
  githubClassic: 'ghp_' + 'a1'.repeat(18),
  githubOauth: 'gho_' + 'b2'.repeat(18),
  githubServer: 'ghs_' + 'c3'.repeat(18),
  githubFineGrained: 'github_pat_' + 'd4'.repeat(41),
  gitlab: 'glpat-' + 'e5'.repeat(10),
  slack: 'xox' + 'b-1234567890-' + 'f6'.repeat(12),
  stripe: 'sk_' + 'live_' + 'g7'.repeat(12),
  googleApiKey: 'AI' + 'za' + 'h8'.repeat(17) + 'h',
  npm: 'npm_' + 'i9'.repeat(18),
  awsAccessKeyId: 'AK' + 'IA' + 'J0K1'.repeat(4),
  awsSecretAccessKey: 'k2L3/m4N5+'.repeat(4),
  jwt: 'ey' + 'J' + 'hbGciOiJub25lIn0x' + '.ey' + 'J' + 'zdWIiOiJmYWtlIn0x' + '.' + 'sig'.repeat(5),
  /** A PEM block whose body starts like DER (`MII`) and is long enough to look real. */
  rsaPrivateKey: pem('RSA PRIVATE KEY'),
  /** PKCS#8 encrypted: a label secretlint's pattern does not know. */
  encryptedPrivateKey: pem('ENCRYPTED PRIVATE KEY'),
};

export function pem(label: string, body = ['MII' + 'Qm'.repeat(30) + 'x', 'Zx'.repeat(32), 'Yw'.repeat(32), 'Vu'.repeat(10) + '=='].join('\n')): string {
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`;
}
