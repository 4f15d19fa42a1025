import { defineKubernetesRule } from '../../engine/rule';
import { at, child, items, str } from '../../engine/yaml/nav';
import { describeContainer, forEachContainer, WORKLOAD_KINDS } from '../helpers';

const REMEDY =
  'Environment variables leak through logs, crash reports, /proc and child processes: mount the Secret as a volume and read the file instead.';

export default defineKubernetesRule({
  meta: {
    id: 'secret-as-env-var',
    title: 'Secret consumed through environment variables',
    severity: 'info',
    category: 'Secrets',
    tier: 'strict',
    description:
      'A Secret read into environment variables (`env[].valueFrom.secretKeyRef` or `envFrom[].secretRef`) is visible to every process of the container and its children, often ends up in logs and crash reports, and is not updated when the Secret rotates. Files from a Secret volume can be restricted by mode, are updated in place, and are only read when needed.',
    remediation:
      'Mount the Secret as a volume (`volumes[].secret` and `volumeMounts`, `readOnly: true`) and have the application read the file, for example through a `*_FILE` variable that holds the path.',
    references: {
      cis: ['5.4.1'],
      kubeLinter: ['read-secret-from-env-var'],
      checkov: ['CKV_K8S_35'],
      kubesec: ['SecretsAsEnvironmentVariables'],
      links: ['https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    forEachContainer(context, (container) => {
      const who = `The ${describeContainer(container)}`;
      for (const env of items(child(container.ref, 'env'))) {
        const ref = at(env, 'valueFrom', 'secretKeyRef');
        if (!ref) continue;
        const secret = str(child(ref, 'name')) ?? '(unnamed)';
        const key = str(child(ref, 'key'));
        const from = key === undefined ? `Secret "${secret}"` : `key "${key}" of Secret "${secret}"`;
        const envName = str(child(env, 'name')) ?? '(unnamed)';
        context.report({ at: ref, message: `${who} reads ${from} into env var "${envName}". ${REMEDY}` });
      }
      for (const source of items(child(container.ref, 'envFrom'))) {
        const ref = child(source, 'secretRef');
        if (!ref) continue;
        const secret = str(child(ref, 'name')) ?? '(unnamed)';
        context.report({ at: ref, message: `${who} loads every key of Secret "${secret}" as env vars (envFrom). ${REMEDY}` });
      }
    });
  },
});
