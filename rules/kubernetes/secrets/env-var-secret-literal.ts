import { detectSecret, type SecretMatch } from '../../engine/secrets';
import { defineKubernetesRule } from '../../engine/rule';
import { child, items, str } from '../../engine/yaml/nav';
import { describeContainer, forEachContainer, WORKLOAD_KINDS } from '../helpers';

const REMEDY = 'Move it to a Secret mounted as a file, or reference it with valueFrom.secretKeyRef.';

/** Says what was found without ever quoting the value. */
function describeFinding(envName: string, secret: SecretMatch): string {
  return secret.kind === 'sensitive-name'
    ? `a literal value in env var "${envName}", whose name marks it as a secret (${secret.description})`
    : `a literal secret in env var "${envName}" (${secret.description})`;
}

export default defineKubernetesRule({
  meta: {
    id: 'env-var-secret-literal',
    title: 'Secret written in an environment variable',
    severity: 'error',
    category: 'Secrets',
    tier: 'recommended',
    description:
      'A credential written as a literal `env[].value` is stored in the manifest, in git history, in the API server (readable by anyone who can read the workload) and in every `kubectl describe`. Palisade flags values in a known credential format (private keys, cloud and API tokens, passwords in URLs; secretlint\'s recommended formats plus a few more) under any name, and literal values under names such as `*_PASSWORD`, `*_TOKEN`, `*_SECRET`, `*_API_KEY`. References (`$(VAR)`, `${VAR}`, `{{ }}`), file paths, external secret store pointers and names that refer to a secret rather than hold it (`PASSWORD_FILE`, `SECRET_NAME`, `TOKEN_PATH`, `*_REF`, `*_ID`) are not flagged.',
    remediation:
      'Put the value in a Secret (created from an external secret store, a SealedSecret or a SOPS-encrypted file, not committed in plaintext), mount it as a volume and read the file. If the application only reads environment variables, use `valueFrom.secretKeyRef`. Rotate a credential that was committed.',
    references: {
      kubeLinter: ['env-var-secret'],
      polaris: ['sensitiveContainerEnvVar'],
      links: ['https://kubernetes.io/docs/concepts/security/secrets-good-practices/'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    forEachContainer(context, (container) => {
      for (const env of items(child(container.ref, 'env'))) {
        const valueRef = child(env, 'value');
        const value = str(valueRef);
        if (value === undefined) continue;
        const name = str(child(env, 'name')) ?? '';
        const secret = detectSecret(name, value);
        if (!secret) continue;
        context.report({
          at: valueRef!,
          message: `The ${describeContainer(container)} has ${describeFinding(name, secret)}. ${REMEDY}`,
        });
      }
    });
  },
});
