import { defineKubernetesRule } from '../../engine/rule';
import { ensureEntries, type YamlObject } from '../../engine/yaml/edits';
import { child, isEmpty, items, str } from '../../engine/yaml/nav';

export default defineKubernetesRule({
  meta: {
    id: 'ingress-missing-tls',
    title: 'Ingress without TLS',
    severity: 'warning',
    category: 'Network',
    tier: 'recommended',
    description:
      'An Ingress with routing rules but no `spec.tls` serves its hosts over plain HTTP: credentials, cookies and data cross the network unencrypted and can be read or changed on the way.',
    remediation:
      'Add `spec.tls` listing the Ingress\'s hosts and the Secret (type `kubernetes.io/tls`) that holds their certificate, for example one issued by cert-manager.',
    references: {
      polaris: ['tlsSettingsMissing'],
      links: ['https://kubernetes.io/docs/concepts/services-networking/ingress/#tls'],
    },
  },
  kinds: ['Ingress'],
  check(context) {
    const spec = child(context.object.root, 'spec');
    const rules = child(spec, 'rules');
    if (!spec || isEmpty(rules)) return;
    const tls = child(spec, 'tls');
    if (!isEmpty(tls)) return;
    const name = context.object.name;
    const hosts = [...new Set(items(rules).flatMap((rule) => str(child(rule, 'host')) ?? []))];
    const secretName = `${name || 'ingress'}-tls`;
    const entry: YamlObject = hosts.length > 0 ? { hosts, secretName } : { secretName };
    const addTls = () => {
      const edits = ensureEntries(context.text, spec, { tls: [entry] });
      return edits?.length ? [{ title: `Add spec.tls for ${hosts.length > 0 ? hosts.join(', ') : 'the default host'} with the Secret "${secretName}"`, edits }] : undefined;
    };
    context.report({
      at: tls ?? rules!,
      message: `The Ingress "${name}" has no TLS: its hosts are served over plain HTTP. Add spec.tls with the hosts and the Secret that holds their certificate.`,
      suggestions: addTls,
    });
  },
});
