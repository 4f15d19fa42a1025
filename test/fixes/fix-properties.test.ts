/**
 * Property test of every fix and suggestion the rules offer: over generated manifests in many
 * styles (2/4-space indentation, indentless sequences, flow containers, comments, CRLF, no
 * final newline, other documents around), applying any one change must give valid YAML that
 * the API would accept (see apiViolations), make its finding disappear, add no finding (rule id
 * + object + path), and leave the other documents byte-identical. It iterates over whatever
 * findings carry changes, so a rule that gains a fix is covered without new test code. The `probe-*` rules stand in for the rules the
 * builders will be wired into, so every builder is exercised today.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';
import { analyzeFile, type ResolvedRule } from '../../rules/engine/analyze';
import { applyEdits } from '../../rules/engine/fixer';
import { defineKubernetesRule, type KubernetesRuleContext, type ProposedChange } from '../../rules/engine/rule';
import type { Finding, FixProposal } from '../../rules/engine/types';
import { analyzeWorkspace } from '../../rules/engine/workspace';
import { splitYamlDocuments } from '../../rules/engine/yaml/parse';
import { RULES } from '../../rules/index';
import { containerResourcesChange, hardenContainerToRestricted, ignoreAnnotationChange, securitySettings, containerSecurityContextChange } from '../../rules/kubernetes/fixes';
import { forEachContainer, normalizeCapability } from '../../rules/kubernetes/helpers';
import { parseQuantity } from '../../rules/kubernetes/resources/quantity';
import { ruleOptions } from '../harness/rule-tester';

type Builder = Parameters<Parameters<typeof forEachContainer>[1]>;

/** One probe rule per builder: reports while its builder still proposes a change. */
function probe(id: string, build: (ctx: KubernetesRuleContext, ...args: Builder) => ProposedChange | undefined) {
  return defineKubernetesRule({
    meta: { id, title: id, severity: 'info', category: 'test', description: 'd', remediation: 'r', references: {}, tier: 'strict' },
    check(ctx) {
      forEachContainer(ctx, (container, pod) => {
        const change = build(ctx, container, pod);
        if (change) ctx.report({ at: container.anchor, message: id, suggestions: [change] });
      });
    },
  });
}

const PROBES = [
  probe('probe-harden', (ctx, container, pod) => hardenContainerToRestricted(ctx, container, pod)),
  probe('probe-resources', (ctx, container) => containerResourcesChange(ctx, container)),
  probe('probe-read-only', (ctx, container) => containerSecurityContextChange(ctx, container, securitySettings('readOnlyRootFilesystem', 'capabilities'))),
  probe('probe-ignore', (ctx) => ignoreAnnotationChange(ctx, 'probe-ignore')),
];

const options = ruleOptions();
/**
 * The rules of every profile (the strict ones too: the resources suggestions now satisfy
 * requests-not-equal-limits), but these two, whose findings another rule's change moves or adds
 * by design. Both are strict-only, so the recommended profile is still fully covered.
 */
const EXCLUDED: Record<string, string> = {
  'missing-ephemeral-storage':
    'points at the closest of resources.<group>, resources and the name, like the cpu/memory rules: adding requests or limits moves it onto the new node',
  'namespace-without-default-deny':
    'the NetworkPolicy that namespace-without-network-policy adds allows some ingress: the namespace then has a policy but no default deny',
};
const rules: ResolvedRule[] = [...RULES.filter((rule) => !(rule.meta.id in EXCLUDED)), ...PROBES].map((rule) => ({ rule, severity: rule.meta.severity }));

function analyze(text: string): Finding[] {
  const analysis = analyzeFile('m.yaml', text, rules, options);
  const workspace = analyzeWorkspace([{ file: 'm.yaml', text, analysis }], rules, options).get('m.yaml') ?? [];
  return [...analysis.findings, ...workspace].filter((f) => !f.suppressed);
}

/** Which finding: rule, object and path (document indexes move when a change adds a document). */
const key = (f: Finding) => `${f.ruleId}|${f.object?.kind}/${f.object?.name}|${f.path}`;
/**
 * What kind of finding: rule and path. A new NetworkPolicy in namespace "default" inherits the
 * workload's own `default-namespace` finding; that is the same problem, not a new one.
 */
const kindOf = (f: Finding) => `${f.ruleId}|${f.path}`;

// ---- manifest generator ---------------------------------------------------------------

interface Style {
  indent: number;
  indentless: boolean;
  flowContainers: boolean;
  comments: boolean;
  crlf: boolean;
  finalNewline: boolean;
}

class Raw {
  constructor(readonly text: string) {}
}

type V = string | number | boolean | Raw | V[] | { [k: string]: V };

function scalar(v: string | number | boolean): string {
  return stringify(v, { version: '1.1' }).trimEnd();
}

function emitMap(obj: { [k: string]: V }, col: number, s: Style, flowHere = false): string[] {
  const pad = ' '.repeat(col);
  return Object.entries(obj).flatMap(([k, v]) => {
    if (v instanceof Raw) return [`${pad}${k}:${v.text}`];
    if (Array.isArray(v)) return [`${pad}${k}:`, ...emitSeq(v, col + (s.indentless ? 0 : s.indent), s, k === 'containers' && s.flowContainers)];
    if (typeof v === 'object') return [`${pad}${k}:`, ...emitMap(v, col + s.indent, s)];
    return [`${pad}${k}: ${scalar(v)}${s.comments && !flowHere ? '   # note' : ''}`];
  });
}

function emitSeq(items: V[], col: number, s: Style, flow: boolean): string[] {
  const pad = ' '.repeat(col);
  return items.flatMap((item, i) => {
    const lead = s.comments && i > 0 ? [`${pad}# next item`] : [];
    if (flow || typeof item !== 'object' || item instanceof Raw) {
      return [...lead, `${pad}- ${typeof item === 'object' && !(item instanceof Raw) ? flowText(item) : scalar(item as string)}`];
    }
    const lines = emitMap(item as { [k: string]: V }, col + 2, s);
    lines[0] = `${pad}- ${lines[0].trimStart()}`;
    return [...lead, ...lines];
  });
}

function flowText(v: V): string {
  const plain = JSON.parse(JSON.stringify(v, (_k, x) => (x instanceof Raw ? null : x)));
  return stringify(plain, { version: '1.1', collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 }).trimEnd();
}

const securityContextArb = fc.oneof(
  fc.constant<V | undefined>(undefined),
  fc.constantFrom<V>(new Raw(''), new Raw(' ~'), new Raw(' {}')),
  fc.record({ privileged: fc.boolean(), allowPrivilegeEscalation: fc.boolean() }, { requiredKeys: [] }) as fc.Arbitrary<V>,
  fc.constant<V>({ capabilities: { drop: ['NET_RAW'], add: ['CHOWN'] } }),
  // Harden removes SYS_ADMIN and CHOWN, keeps NET_BIND_SERVICE, and may then set allowPrivilegeEscalation: false.
  fc.constant<V>({ allowPrivilegeEscalation: true, capabilities: { add: ['NET_BIND_SERVICE', 'SYS_ADMIN', 'CHOWN'] } }),
);

const containerArb = fc.record({
  name: fc.constantFrom('web', 'sidecar', 'init'),
  securityContext: securityContextArb,
  // A limit next to a request, or a request alone: new limits and requests must match them.
  resources: fc.constantFrom<V | undefined>(undefined, { limits: { memory: '1Gi' } }, { requests: { cpu: 2, memory: '64Mi' } }, { requests: { cpu: '250m' }, limits: { memory: '512Mi' } }),
  port: fc.option(fc.constantFrom(80, 8080), { nil: undefined }),
});

const manifestArb = fc.record({
  kind: fc.constantFrom('Pod', 'Deployment', 'CronJob'),
  namespace: fc.option(fc.constantFrom('shop', 'default'), { nil: undefined }),
  containers: fc.array(containerArb, { minLength: 1, maxLength: 2 }),
  ingress: fc.boolean(),
  before: fc.boolean(),
  after: fc.boolean(),
  style: fc.record({
    indent: fc.constantFrom(2, 4),
    indentless: fc.boolean(),
    flowContainers: fc.boolean(),
    comments: fc.boolean(),
    crlf: fc.boolean(),
    finalNewline: fc.boolean(),
  }),
});

type Manifest = typeof manifestArb extends fc.Arbitrary<infer T> ? T : never;

function workload(m: Manifest): { [k: string]: V } {
  const containers: V[] = m.containers.map((c, i) => {
    const out: { [k: string]: V } = { name: `${c.name}-${i}`, image: 'registry.example.com/app:1.0' };
    if (c.port !== undefined) out.ports = [{ containerPort: c.port }];
    if (c.securityContext !== undefined) out.securityContext = c.securityContext;
    if (c.resources !== undefined) out.resources = c.resources;
    return out;
  });
  const podSpec = { containers };
  const template = { metadata: { labels: { app: 'web' } }, spec: podSpec };
  const metadata: { [k: string]: V } = { name: 'web', ...(m.namespace ? { namespace: m.namespace } : {}) };
  const spec: V =
    m.kind === 'Pod' ? podSpec : m.kind === 'Deployment' ? { selector: { matchLabels: { app: 'web' } }, template } : { schedule: '0 * * * *', jobTemplate: { spec: { template } } };
  return { apiVersion: m.kind === 'CronJob' ? 'batch/v1' : m.kind === 'Pod' ? 'v1' : 'apps/v1', kind: m.kind, metadata, spec };
}

function render(m: Manifest): { text: string; target: number } {
  const docs: Array<{ [k: string]: V }> = [];
  if (m.before) docs.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'before' }, data: { a: 'b' } });
  const target = docs.length;
  docs.push(workload(m));
  if (m.ingress) docs.push({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web' }, spec: { rules: [{ host: 'a.example.com' }] } });
  if (m.after) docs.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'after' }, spec: { ports: [{ port: 80 }] } });
  const eol = m.style.crlf ? '\r\n' : '\n';
  const text = docs.map((d) => emitMap(d, 0, m.style).join(eol)).join(`${eol}---${eol}`) + (m.style.finalNewline ? eol : '');
  return { text, target };
}

// ---- the property -----------------------------------------------------------------------

function changesOf(f: Finding): FixProposal[] {
  return [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? [])];
}

/**
 * What the API server's validation refuses in the objects, by document and path: a limit below
 * its request, allowPrivilegeEscalation: false next to privileged: true or an added SYS_ADMIN.
 * (The generator writes some of these itself; a change must not add one.)
 */
function apiViolations(text: string): string[] {
  const out: string[] = [];
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) return value.forEach((item, i) => visit(item, `${path}[${i}]`));
    if (typeof value !== 'object' || value === null) return;
    const map = value as Record<string, unknown>;
    if (map.allowPrivilegeEscalation === false) {
      const added = ((map.capabilities as { add?: unknown[] } | null)?.add ?? []).map((c) => normalizeCapability(String(c)));
      if (map.privileged === true) out.push(`${path}: allowPrivilegeEscalation: false with privileged: true`);
      if (added.includes('SYS_ADMIN')) out.push(`${path}: allowPrivilegeEscalation: false with SYS_ADMIN added`);
    }
    const { requests, limits } = map as { requests?: Record<string, string | number>; limits?: Record<string, string | number> };
    for (const [name, limit] of Object.entries(limits ?? {})) {
      const request = requests?.[name];
      if (request !== undefined && parseQuantity(limit)! < parseQuantity(request)!) out.push(`${path}: limits.${name} below requests.${name}`);
    }
    for (const [key, child] of Object.entries(map)) visit(child, `${path}.${key}`);
  };
  parseAllDocuments(text, { version: '1.1' }).forEach((doc, i) => visit(doc.toJS(), `doc ${i}`));
  return out;
}

function checkChange(text: string, before: Finding[], finding: Finding, change: FixProposal): void {
  const context = `${finding.ruleId} ${finding.path}: ${change.title}\n--- input:\n${text}`;
  const output = applyEdits(text, change.edits).text;
  const after = analyze(output);
  assert.deepEqual(after.filter((f) => f.ruleId === 'parse-error').map((f) => f.message), [], `${context}\n--- output:\n${output}`);
  const refused = new Set(apiViolations(text));
  assert.deepEqual(apiViolations(output).filter((v) => !refused.has(v)), [], `the API would refuse: ${context}\n--- output:\n${output}`);
  assert.ok(!after.some((f) => key(f) === key(finding)), `finding still there: ${context}\n--- output:\n${output}`);
  const old = new Set(before.map(kindOf));
  assert.deepEqual(after.map(kindOf).filter((k) => !old.has(k)), [], `new findings: ${context}\n--- output:\n${output}`);
  const segmentsBefore = splitYamlDocuments(text).map((s) => s.text);
  const segmentsAfter = splitYamlDocuments(output).map((s) => s.text);
  const index = finding.documentIndex;
  assert.deepEqual(segmentsAfter.slice(0, index), segmentsBefore.slice(0, index), `documents before changed: ${context}`);
  const following = segmentsBefore.slice(index + 1);
  if (following.length > 0) assert.deepEqual(segmentsAfter.slice(-following.length), following, `documents after changed: ${context}\n${output}`);
}

describe('fixes and suggestions: properties over generated manifests', () => {
  it('every change parses, removes its finding, adds none and leaves other documents alone', function () {
    this.timeout(120_000);
    let exercised = 0;
    fc.assert(
      fc.property(manifestArb, (m) => {
        const { text } = render(m);
        const before = analyze(text);
        assert.deepEqual(before.filter((f) => f.ruleId === 'parse-error').map((f) => f.message), [], `generated text does not parse:\n${text}`);
        for (const finding of before) {
          for (const change of changesOf(finding)) {
            checkChange(text, before, finding, change);
            exercised++;
          }
        }
      }),
      { numRuns: 100, seed: 20261123 },
    );
    assert.ok(exercised > 200, `only ${exercised} changes exercised`);
  });
});
