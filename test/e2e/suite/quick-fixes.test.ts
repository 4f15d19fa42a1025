/**
 * Quick fixes as VS Code sees them: ask the code action provider for the actions of a
 * diagnostic, apply the chosen action's edit, and wait for the finding to go away. Each case
 * edits its own fixture, so the cases do not depend on one another.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseAllDocuments } from 'yaml';
import { activatePalisade, applyCodeAction, closeAllEditors, codeActionsAt, findingsFor, lines, openFixture, rangeTuple, ruleIdsOf, waitFor, waitForFinding, waitForNoFinding } from './helpers';

interface QuickFixCase {
  fixture: string;
  ruleId: string;
  /** Where the finding is: [startLine, startChar, endLine, endChar]. */
  range?: [number, number, number, number];
  title: string;
  /** The whole file afterwards. */
  expectText?: string;
  /** A line the edited file must contain afterwards, when the rest of the file is not the point. */
  expectLine?: string;
  /** Other findings the same change removes. */
  alsoGone?: string[];
  /** A finding on the same object that must survive (the fix is not a blanket suppression). */
  survivor?: string;
}

const SUPPRESSIONS: QuickFixCase[] = [
  {
    fixture: 'suppress-line.yaml',
    ruleId: 'privileged-container',
    title: 'Ignore privileged-container for this line',
    expectLine: '        # palisade-ignore privileged-container',
    survivor: 'run-as-non-root',
  },
  {
    fixture: 'suppress-object.yaml',
    ruleId: 'privileged-container',
    title: 'Ignore privileged-container for this object',
    expectLine: '    palisade.dev/ignore: privileged-container',
    survivor: 'run-as-non-root',
  },
];

const KUBERNETES: QuickFixCase[] = [
  {
    fixture: 'ingress-no-tls.yaml',
    ruleId: 'ingress-missing-tls',
    title: 'Add spec.tls for shop.example.com with the Secret "shop-tls"',
    expectLine: '      secretName: shop-tls',
  },
  {
    fixture: 'pod-security/escalation.yaml',
    ruleId: 'allow-privilege-escalation',
    range: [16, 16, 16, 19],
    title: 'Set allowPrivilegeEscalation: false in the securityContext of the container "api"',
    expectText: lines(
      '# The allowPrivilegeEscalation quick-fix test edits this file.',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: checkout',
      '  namespace: shop',
      'spec:',
      '  selector:',
      '    matchLabels:',
      '      app: checkout',
      '  template:',
      '    metadata:',
      '      labels:',
      '        app: checkout',
      '    spec:',
      '      containers:',
      '        - name: api',
      '          image: registry.example.com/shop/checkout:1.8.0',
      '          securityContext:',
      '            readOnlyRootFilesystem: true',
      '            allowPrivilegeEscalation: false',
    ),
    survivor: 'drop-all-capabilities',
  },
  {
    fixture: 'pod-security/harden.yaml',
    ruleId: 'drop-all-capabilities',
    range: [8, 12, 8, 19],
    title:
      'Harden the container "builder" to the restricted Pod Security Standard (allowPrivilegeEscalation: false, capabilities.drop: [ALL], runAsNonRoot: true, seccompProfile.type: RuntimeDefault)',
    expectText: lines(
      '# The "harden to restricted" quick-fix test edits this file.',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: report-builder',
      '  namespace: shop',
      'spec:',
      '  containers:',
      '    - name: builder',
      '      image: registry.example.com/shop/report-builder:2.3.1',
      '      securityContext:',
      '        allowPrivilegeEscalation: false',
      '        capabilities:',
      '          drop:',
      '            - ALL',
      '        runAsNonRoot: true',
      '        seccompProfile:',
      '          type: RuntimeDefault',
    ),
    alsoGone: ['allow-privilege-escalation', 'run-as-non-root', 'seccomp-profile-required'],
    survivor: 'read-only-root-filesystem',
  },
  {
    fixture: 'pod-security/resources.yaml',
    ruleId: 'missing-memory-limit',
    range: [10, 6, 10, 15],
    title: 'Add requests.memory: 256Mi, limits.cpu: 50m, limits.memory: 256Mi to the container "warmer"',
    expectText: lines(
      '# The resources quick-fix test edits this file.',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: cache-warmer',
      '  namespace: shop',
      'spec:',
      '  containers:',
      '    - name: warmer',
      '      image: registry.example.com/shop/cache-warmer:0.9.4',
      '      resources:',
      '        requests:',
      '          cpu: 50m',
      '          memory: 256Mi',
      '        limits:',
      '          cpu: 50m',
      '          memory: 256Mi',
    ),
    alsoGone: ['missing-memory-request'],
    survivor: 'allow-privilege-escalation',
  },
  {
    fixture: 'network/ledger.yaml',
    ruleId: 'namespace-without-network-policy',
    range: [5, 13, 5, 19],
    title: 'Add a default-deny NetworkPolicy for namespace "ledger" (blocks all traffic not allowed by another policy)',
    expectText: lines(
      '# The NetworkPolicy quick-fix test edits this file: nothing else is in namespace "ledger".',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: ledger',
      '  namespace: ledger',
      'spec:',
      '  selector:',
      '    matchLabels:',
      '      app: ledger',
      '  template:',
      '    metadata:',
      '      labels:',
      '        app: ledger',
      '    spec:',
      '      containers:',
      '        - name: api',
      '          image: registry.example.com/finance/ledger:4.1.0',
      '          ports:',
      '            - containerPort: 8443',
      '              protocol: TCP',
      '---',
      'apiVersion: networking.k8s.io/v1',
      'kind: NetworkPolicy',
      'metadata:',
      '  name: default-deny',
      '  namespace: ledger',
      'spec:',
      '  podSelector: {}',
      '  policyTypes:',
      '    - Ingress',
      '    - Egress',
    ),
    survivor: 'allow-privilege-escalation',
  },
  {
    fixture: 'network/billing.yaml',
    ruleId: 'namespace-without-network-policy',
    range: [5, 13, 5, 20],
    title: 'Add a NetworkPolicy for the Pod "invoicer" that allows ingress to ports 8080/TCP only',
    expectText: lines(
      '# The "allow ingress" NetworkPolicy quick-fix test edits this file: nothing else is in namespace "billing".',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: invoicer',
      '  namespace: billing',
      '  labels:',
      '    app: invoicer',
      'spec:',
      '  containers:',
      '    - name: invoicer',
      '      image: registry.example.com/finance/invoicer:2.0.3',
      '      ports:',
      '        - containerPort: 8080',
      '---',
      'apiVersion: networking.k8s.io/v1',
      'kind: NetworkPolicy',
      'metadata:',
      '  name: invoicer-allow-ingress',
      '  namespace: billing',
      'spec:',
      '  podSelector:',
      '    matchLabels:',
      '      app: invoicer',
      '  policyTypes:',
      '    - Ingress',
      '  ingress:',
      '    - ports:',
      '        - protocol: TCP',
      '          port: 8080',
    ),
    survivor: 'allow-privilege-escalation',
  },
];

const DOCKERFILES: QuickFixCase[] = [
  {
    fixture: 'docker/Dockerfile.quickfix',
    ruleId: 'add-instead-of-copy',
    range: [2, 0, 2, 3],
    title: 'Replace ADD with COPY',
    expectText: lines('# The Dockerfile quick-fix tests edit this file.', 'FROM debian:12.5', 'COPY app.conf /etc/app/app.conf', 'CMD ["/usr/local/bin/app"]'),
    survivor: 'final-user-root',
  },
  {
    fixture: 'docker/api.dockerfile',
    ruleId: 'final-user-root',
    range: [1, 0, 1, 4],
    title: 'Run as non-root: add USER 10001',
    expectText: lines(
      '# The USER quick-fix test edits this file.',
      'FROM node:22.11-bookworm-slim',
      'WORKDIR /app',
      'COPY server.js .',
      'USER 10001',
      'ENTRYPOINT ["node", "server.js"]',
    ),
  },
];

function assertValidYaml(text: string): void {
  const errors = parseAllDocuments(text).flatMap((d) => d.errors.map((e) => e.message));
  assert.deepEqual(errors, [], `the fixed file is not valid YAML:\n${text}`);
}

function runCase(c: QuickFixCase): void {
  it(`"${c.title}" removes the ${c.ruleId} finding in ${c.fixture}`, async () => {
    const document = await openFixture(c.fixture);
    const diagnostic = await waitForFinding(document.uri, c.ruleId);
    if (c.range) assert.deepEqual(rangeTuple(diagnostic.range), c.range);
    const before = ruleIdsOf(document.uri);

    await applyCodeAction(await codeActionsAt(document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix), c.title);
    for (const ruleId of [c.ruleId, ...(c.alsoGone ?? [])]) await waitForNoFinding(document.uri, ruleId);
    const text = document.getText();
    if (c.expectText !== undefined) assert.equal(text, c.expectText);
    if (c.expectLine !== undefined) assert.ok(text.split(/\r?\n/).includes(c.expectLine), `expected the line ${JSON.stringify(c.expectLine)} in:\n${text}`);
    if (document.languageId === 'yaml') assertValidYaml(text);
    if (c.survivor) {
      const survivor = c.survivor;
      await waitFor(`${survivor} to still be reported`, () => findingsFor(document.uri, survivor).length === 1);
    }
    // The change brings no finding that was not there before.
    assert.deepEqual(ruleIdsOf(document.uri).filter((id) => !before.includes(id)), []);
    // Saved so closing the editor never waits on a "save changes?" dialog (the workspace is a copy).
    await document.save();
  });
}

describe('quick fixes', () => {
  before(activatePalisade);
  after(closeAllEditors);

  describe('suppressions', () => SUPPRESSIONS.forEach(runCase));
  describe('Kubernetes suggestions', () => KUBERNETES.forEach(runCase));
  describe('Dockerfile fixes and suggestions', () => DOCKERFILES.forEach(runCase));
});
