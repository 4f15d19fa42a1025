import { detectSecret, findSensitiveAssignments, scanSecretFormats } from '../../engine/secrets';
import { defineKubernetesRule } from '../../engine/rule';
import { child, entries, str } from '../../engine/yaml/nav';

export default defineKubernetesRule({
  meta: {
    id: 'configmap-sensitive-key',
    title: 'Sensitive key with a literal value in a ConfigMap',
    severity: 'warning',
    category: 'Secrets',
    tier: 'recommended',
    description:
      'A ConfigMap `data` key whose name says it holds a secret (`password`, `db.password`, `API_TOKEN`, `clientSecret`, `id_rsa`...) has a literal value, or an embedded configuration file (`application.properties`, `.env`) sets such a key (`spring.datasource.password=...`). Values in a known credential format are reported by `configmap-secret-value` instead. References (`${VAR}`, `$(VAR)`, `{{ }}`), file paths, external secret store pointers and names that refer to a secret rather than hold it (`PASSWORD_FILE`, `SECRET_NAME`, `TOKEN_PATH`, `*_REF`, `*_ID`) are not flagged.',
    remediation:
      'Move the value to a Secret and mount it as a file, or leave a reference that is resolved at deploy time (`${DB_PASSWORD}` substituted from a Secret). Rotate a credential that was committed.',
    references: {
      trivy: ['KSV109'],
      polaris: ['sensitiveConfigmapContent'],
      links: ['https://kubernetes.io/docs/concepts/configuration/configmap/'],
    },
  },
  kinds: ['ConfigMap'],
  check(context) {
    const name = context.object.name;
    for (const [key, valueRef] of entries(child(context.object.root, 'data'))) {
      const value = str(valueRef);
      // Credentials in a known format belong to configmap-secret-value (an error).
      if (value === undefined || scanSecretFormats(value, key).length > 0) continue;
      const direct = detectSecret(key, value);
      if (direct?.kind === 'sensitive-name') {
        context.report({
          at: valueRef,
          message: `ConfigMap "${name}" has a literal value under data key "${key}", whose name marks it as a secret (${direct.description}). Move it to a Secret.`,
        });
        continue;
      }
      const [embedded, ...more] = findSensitiveAssignments(value);
      if (!embedded) continue;
      const others = more.length === 0 ? '' : ` and ${more.length} more`;
      context.report({
        at: valueRef,
        message: `ConfigMap "${name}" data key "${key}" sets "${embedded.key}"${others} to a literal secret (${embedded.description}). Move it to a Secret.`,
      });
    }
  },
});
