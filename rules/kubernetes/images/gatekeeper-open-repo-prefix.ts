import { defineKubernetesRule } from '../../engine/rule';
import { setScalar } from '../../engine/yaml/edits';
import { at, stringItems } from '../../engine/yaml/nav';

/**
 * Gatekeeper's K8sAllowedRepos compares image strings by prefix: an entry without a final
 * `/` also admits every repository and registry whose name merely starts with it.
 */
export default defineKubernetesRule({
  meta: {
    id: 'gatekeeper-open-repo-prefix',
    title: 'Gatekeeper allowed-repos prefix is open-ended',
    severity: 'warning',
    category: 'Supply chain',
    tier: 'recommended',
    description:
      'OPA Gatekeeper\'s `K8sAllowedRepos` constraint checks that an image *starts with* one of `spec.parameters.repos`. An entry such as `registry.example.com` or `docker.io/acme` without a final `/` also admits `registry.example.com.attacker.net/...` or `docker.io/acme-evil/...`, which anyone can register.',
    remediation: 'End each entry with `/`: `registry.example.com/` or `docker.io/acme/`.',
    references: { trivy: ['KSV124'], links: ['https://open-policy-agent.github.io/gatekeeper-library/website/validation/allowedrepos/'] },
  },
  kinds: ['K8sAllowedRepos'],
  check(context) {
    if (!context.object.apiVersion.startsWith('constraints.gatekeeper.sh/')) return;
    for (const repo of stringItems(at(context.object.root, 'spec', 'parameters', 'repos'))) {
      if (repo.value === '' || repo.value.endsWith('/')) continue;
      context.report({
        at: repo.ref,
        message: `The allowed repo "${repo.value}" has no final "/", so images from "${repo.value}-anything" or "${repo.value}.other-domain" are allowed too. Write "${repo.value}/".`,
        // A suggestion: images that relied on the open prefix would be refused afterwards.
        suggestions: () => [{ title: `Write "${repo.value}/" (allow only repositories under it)`, edits: setScalar(context.text, repo.ref, `${repo.value}/`) ?? [] }],
      });
    }
  },
});
