/** Hovering a finding explains the rule: its title, the finding's message and the remediation. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatePalisade, closeAllEditors, hoverMarkdownAt, openFixture, waitFor, waitForFinding } from './helpers';

const DOCS = 'https://github.com/palisade-dev/palisade/blob/main/docs/rules.md';

interface HoverCase {
  fixture: string;
  ruleId: string;
  /** A position inside the finding's range (and inside no other finding's). */
  at: [number, number];
  /** Paragraphs the Palisade hover must contain, exactly. */
  paragraphs: string[];
}

const CASES: HoverCase[] = [
  {
    fixture: 'docker/Dockerfile',
    ruleId: 'remote-script-piped-to-shell',
    at: [5, 6],
    paragraphs: [
      `**Remote script piped into a shell** ([\`remote-script-piped-to-shell\`](${DOCS}#remote-script-piped-to-shell), error)`,
      '> A script downloaded with curl is piped into sh unverified. Download it to a file, check its sha256, then run it.',
      '**Fix:** Download the script to a file, verify it against a pinned checksum (`echo "<sha256>  install.sh" | sha256sum -c -`), then run it. Better still, install a pinned package or copy the tool from a pinned image with `COPY --from`.',
    ],
  },
  {
    fixture: 'privileged.yaml',
    ruleId: 'privileged-container',
    at: [10, 22],
    paragraphs: [
      `**Privileged container** ([\`privileged-container\`](${DOCS}#privileged-container), error)`,
      '> The container "shell" is privileged: it can take over the node. Set privileged: false.',
      '**Fix:** Remove `privileged: true`, or set `securityContext.privileged: false`. Grant only the specific capability the workload needs.',
    ],
  },
];

describe('hover', () => {
  before(activatePalisade);
  after(closeAllEditors);

  for (const c of CASES) {
    it(`shows the title and remediation of ${c.ruleId} in ${c.fixture}`, async () => {
      const document = await openFixture(c.fixture);
      await waitForFinding(document.uri, c.ruleId);
      const position = new vscode.Position(...c.at);
      const markdown = await waitFor(`a Palisade hover at ${c.at.join(':')}`, async () =>
        (await hoverMarkdownAt(document.uri, position)).find((m) => m.includes(`\`${c.ruleId}\``)),
      );
      const paragraphs = markdown.split('\n\n');
      assert.deepEqual(
        c.paragraphs.filter((p) => !paragraphs.includes(p)),
        [],
        `missing from the hover:\n${markdown}`,
      );
    });
  }
});
