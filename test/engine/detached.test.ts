/**
 * Objects kept as facts (AnalysisCache with `keepNodesOf`): everything a user or a workspace
 * rule can get from them must be what a cache keeping every node gives, only read again from
 * the text when asked for.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnalysisCache, analyzeFile, type AnalyzedObject, type FileAnalysis } from '../../rules/engine/analyze';
import { plainFinding } from '../../rules/engine/changes';
import { defaultConfig, resolveRules } from '../../rules/engine/config';
import { detachedObject, factsOf } from '../../rules/engine/kubernetes/detached';
import type { K8sObject } from '../../rules/engine/kubernetes/object';
import type { WorkspaceRule } from '../../rules/engine/rule';
import { analyzeWorkspace, kindsReadAcrossFiles } from '../../rules/engine/workspace';
import { highlightRange, type NodeRef } from '../../rules/engine/yaml/nav';
import { RULES } from '../../rules/index';
import { CROSS_FILE_FIXTURES } from '../fixtures/cross-file';
import { ruleOptions } from '../harness/rule-tester';

const rules = resolveRules(RULES, { ...defaultConfig(), profile: 'strict' });
const options = ruleOptions();
const EXAMPLES = join(__dirname, '..', '..', 'examples');

/** Manifests of many kinds, with fixable findings on workloads, Ingresses and Gatekeeper constraints. */
function manifests(): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const name of readdirSync(EXAMPLES).filter((n) => n.endsWith('.yaml'))) texts[name] = readFileSync(join(EXAMPLES, name), 'utf8');
  for (const [rule, fixture] of Object.entries(CROSS_FILE_FIXTURES)) {
    for (const [path, text] of Object.entries(fixture.files)) texts[`${rule}/${path}`] = text;
  }
  texts['constraints.yaml'] = [
    'apiVersion: constraints.gatekeeper.sh/v1beta1',
    'kind: K8sAllowedRepos',
    'metadata: {name: prod-repos}',
    'spec:',
    '  parameters:',
    '    repos: ["registry.example.com", "docker.io/acme/"]',
    '---',
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata: {name: shop, namespace: web}',
    'spec:',
    '  rules:',
    '    - host: shop.example.com',
    '      http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: shop, port: {number: 80}}}}]}',
    '',
  ].join('\n');
  return texts;
}

const rangeOf = (ref: NodeRef | undefined) => (ref ? highlightRange(ref) : undefined);

function nodesOf(object: K8sObject) {
  return {
    facts: factsOf(object),
    root: rangeOf(object.root),
    metadata: rangeOf(object.metadata),
    kindRef: rangeOf(object.kindRef),
    containers: object.podSpec?.containers.map((c) => [c.name, c.type, rangeOf(c.ref)]),
  };
}

/** Runs one workspace rule (and builds its fixes) over detached objects that record whose nodes are read. */
function nodeReads(rule: WorkspaceRule, texts: Record<string, string>): { kinds: Set<string>; findings: number } {
  const kinds = new Set<string>();
  const files = Object.entries(texts).map(([file, text]) => {
    const objects = analyzeFile(file, text, rules, options).objects.map((o) => ({
      ...o,
      object: detachedObject(factsOf(o.object), () => (kinds.add(o.object.kind), o.object)),
    }));
    return { file, text, analysis: { objects } };
  });
  const findings = [...analyzeWorkspace(files, [{ rule, severity: rule.meta.severity }], options).values()].flat();
  findings.forEach(plainFinding);
  return { kinds, findings: findings.length };
}

const isDetached = (o: AnalyzedObject) => Object.getOwnPropertyDescriptor(o.object, 'root')?.get !== undefined;

function analyse(text: string, cache: AnalysisCache): FileAnalysis {
  return analyzeFile('m.yaml', text, rules, options, cache);
}

describe('detached objects (AnalysisCache keepNodesOf)', () => {
  it('give the same findings, fixes, suggestions and nodes as a cache that keeps every node', () => {
    let detachedWithChanges = 0;
    for (const [name, text] of Object.entries(manifests())) {
      const kept = analyse(text, new AnalysisCache());
      const detached = analyse(text, new AnalysisCache(new Set()));
      assert.ok(detached.objects.every(isDetached), `${name}: every object detached`);
      assert.ok(!kept.objects.some(isDetached), `${name}: no object detached`);
      // Fixes first, before anything reads a node again: the rule must be run again for them.
      const plain = detached.findings.map(plainFinding);
      detachedWithChanges += plain.filter((f) => f.fix || f.suggestions).length;
      assert.deepEqual(plain, kept.findings.map(plainFinding), `${name}: findings`);
      assert.deepEqual(detached.objects.map((o) => nodesOf(o.object)), kept.objects.map((o) => nodesOf(o.object)), `${name}: objects`);
    }
    assert.ok(detachedWithChanges > 30, `fixes and suggestions were worked out again (${detachedWithChanges})`);
  });

  it('keeps the nodes of the kinds it is told to, and detaches the others', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: b}\n';
    const analysis = analyse(text, new AnalysisCache(new Set(['Service'])));
    assert.deepEqual(analysis.objects.map((o) => [o.object.kind, isDetached(o)]), [['ConfigMap', true], ['Service', false]]);
    assert.deepEqual(rangeOf(analysis.objects[0].object.kindRef), [21, 30]);
  });

  it('keeps the nodes workspace rules read: each rule reads nodes only of the kinds it declares', () => {
    const all = manifests();
    for (const rule of RULES.filter((r): r is WorkspaceRule => r.language === 'kubernetes-workspace')) {
      const own = Object.fromEntries(Object.entries(all).filter(([file]) => file.startsWith(`${rule.meta.id}/`)));
      // Its own fixture, where it reports, and every manifest together, where all kinds meet.
      const alone = nodeReads(rule, own);
      assert.ok(alone.findings > 0, `${rule.meta.id} reports in its fixture`);
      const together = nodeReads(rule, all);
      const undeclared = [...alone.kinds, ...together.kinds].filter((kind) => !rule.reads.includes(kind));
      assert.deepEqual([...new Set(undeclared)], [], `${rule.meta.id} reads nodes of undeclared kinds`);
    }
    const kept = kindsReadAcrossFiles(RULES);
    assert.ok(kept.has('Deployment') && kept.has('NetworkPolicy') && !kept.has('ConfigMap') && !kept.has('CustomResourceDefinition'));
  });
});
