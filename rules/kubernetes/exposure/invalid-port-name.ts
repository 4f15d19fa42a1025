import { describeContainer } from '../../engine/kubernetes/object';
import { defineKubernetesRule, type KubernetesRuleContext } from '../../engine/rule';
import { setScalar } from '../../engine/yaml/edits';
import { child, items, scalar, str, type NodeRef } from '../../engine/yaml/nav';
import { portNameProblem } from './port-names';

export default defineKubernetesRule({
  meta: {
    id: 'invalid-port-name',
    title: 'Port name the API server rejects',
    severity: 'warning',
    category: 'Network',
    tier: 'recommended',
    description:
      'Container port names and string `targetPort`s of Services must be valid IANA service names: at most 15 characters, lowercase letters, digits and `-`, at least one letter, no `-` at either end and no `--`. The API server rejects the object otherwise, and a number written as a string (`targetPort: "8080"`) is read as a name, not a port.',
    remediation: 'Shorten or lowercase the name (`http-metrics`, not `HTTP_Metrics` or `prometheus-metrics-port`), or write a port number without quotes; rename the matching `targetPort`s with it.',
    references: {
      kubeLinter: ['invalid-target-ports'],
      links: ['https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports', 'https://www.rfc-editor.org/rfc/rfc6335#section-5.1'],
    },
  },
  check(context) {
    const { object } = context;
    for (const container of object.podSpec?.containers ?? []) {
      for (const port of items(child(container.ref, 'ports'))) {
        const nameRef = child(port, 'name');
        const name = str(nameRef);
        const problem = name === undefined ? undefined : portNameProblem(name);
        if (!nameRef || name === undefined || isPlaceholder(name) || !problem) continue;
        context.report({ at: nameRef, message: `The port name "${name}" of ${describeContainer(container)} ${problem}: the API server rejects it. Use at most 15 lowercase letters, digits and single hyphens, with at least one letter.` });
      }
    }
    if (object.kind !== 'Service' || object.apiVersion !== 'v1') return;
    for (const port of items(child(child(object.root, 'spec'), 'ports'))) reportTargetPort(context, child(port, 'targetPort'));
  },
});

/** Values a template or script fills in (`{{ .Values.port }}`, `$PORT`, `<name>`) are not judged. */
function isPlaceholder(value: string): boolean {
  return /[{}$<>]/.test(value);
}

function reportTargetPort(context: KubernetesRuleContext, ref: NodeRef | undefined): void {
  const value = scalar(ref);
  if (!ref || typeof value !== 'string' || isPlaceholder(value)) return;
  const service = context.object.name;
  if (/^\d+$/.test(value)) {
    context.report({
      at: ref,
      message: `The targetPort "${value}" of Service "${service}" is a string, so it is read as a port name, which the API server rejects. Write the number without quotes: targetPort: ${Number(value)}.`,
      fix: () => ({ title: `Write targetPort as the number ${Number(value)}`, edits: setScalar(context.text, ref, Number(value)) ?? [] }),
    });
    return;
  }
  const problem = portNameProblem(value);
  if (problem) {
    context.report({
      at: ref,
      message: `The targetPort "${value}" of Service "${service}" ${problem}: the API server rejects it. Use the name of a container port (at most 15 lowercase letters, digits and single hyphens) or a number.`,
    });
  }
}
