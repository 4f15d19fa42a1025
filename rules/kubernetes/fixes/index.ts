/**
 * Fix builders that rules call from `check` to attach changes to their reports. Every
 * builder returns `{title, edits}` (a ProposedChange, edits relative to `ctx.text`) or
 * undefined when no safe edit exists: the node is reached through an alias or a merge key,
 * the document is a template, or nothing is left to change.
 *
 * Fix or suggestion (ESLint's split, architecture.md): a `fix` runs unattended in fix-all,
 * on save and in `palisade scan --fix`, so it must not be able to break a workload. None of
 * these builders qualifies, and rules must pass their results as `suggestions`:
 *  - securityContext changes (privileged: false, allowPrivilegeEscalation: false, dropping
 *    capabilities, runAsNonRoot, read-only root filesystem, seccomp RuntimeDefault) can stop
 *    a container that relies on what they take away (a setuid binary, a root-owned file, a
 *    write to /var/cache, a syscall the default profile blocks);
 *  - resource requests and limits can make a pod unschedulable or OOM-killed;
 *  - TLS blocks name a Secret that may not exist, NetworkPolicies cut traffic;
 *  - ignore annotations and comments hide findings, which is a person's decision.
 * A `fix` is for changes that keep behaviour: spelling out a default, removing a setting
 * that has no effect, normalising a value Kubernetes reads the same way.
 */
export {
  containerSecurityContextChange,
  CONTAINER_SECURITY_CONTEXT,
  describeSettings,
  hardenContainerToRestricted,
  podSecurityContextChange,
  POD_SECURITY_CONTEXT,
  RESTRICTED_ADDABLE_CAPABILITY,
  securitySettings,
  type SecuritySetting,
} from './security-context';
export { containerResourcesChange, DEFAULT_RESOURCES, type ResourceSettings } from './resources';
export { ignoreAnnotationChange, ignoreLineCommentChange } from './suppress';
export { snippetObject, snippetText, SNIPPET_NAMES, type SnippetName } from './snippets';
