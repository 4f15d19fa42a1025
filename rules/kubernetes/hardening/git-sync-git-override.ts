import { defineKubernetesRule } from '../../engine/rule';
import { child, items, str } from '../../engine/yaml/nav';
import { describeContainer, forEachContainer, WORKLOAD_KINDS } from '../helpers';

/** git-sync v4 and v3 names of the setting that replaces the git binary it runs. */
const GIT_BINARY_VARIABLES = new Set(['GITSYNC_GIT', 'GIT_SYNC_GIT']);

export default defineKubernetesRule({
  meta: {
    id: 'git-sync-git-override',
    title: 'git-sync runs a custom git binary',
    severity: 'warning',
    category: 'Host access',
    tier: 'recommended',
    description:
      'git-sync reads the path of the `git` executable it runs from `GITSYNC_GIT` (`GIT_SYNC_GIT` in v3). Whoever can set that variable, or write to the path it names, gets arbitrary command execution in the sync container, which often holds repository credentials.',
    remediation: 'Remove the `GITSYNC_GIT` environment variable and let git-sync use the git binary shipped in its image.',
    references: {
      checkov: ['CKV_K8S_159'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    forEachContainer(context, (container) => {
      for (const variable of items(child(container.ref, 'env'))) {
        const nameRef = child(variable, 'name');
        const name = str(nameRef);
        if (!name || !GIT_BINARY_VARIABLES.has(name)) continue;
        context.report({
          at: nameRef!,
          message: `The ${describeContainer(container)} sets ${name}, which makes git-sync execute another program as git. Remove ${name}.`,
        });
      }
    });
  },
});
