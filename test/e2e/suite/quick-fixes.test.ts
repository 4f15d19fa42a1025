/**
 * Quick fixes as VS Code sees them: ask the code action provider for the actions of a
 * diagnostic, apply the chosen action's edit, and wait for the finding to go away.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatePalisade, closeAllEditors, findingsFor, openFixture, waitForFinding, waitForNoFinding } from './helpers';

interface QuickFixCase {
  fixture: string;
  ruleId: string;
  title: string;
  /** A line the edited file must contain afterwards (what the fix wrote). */
  expectLine: string;
  /** A finding on the same object that must survive (the fix is not a blanket suppression). */
  survivor?: string;
}

const CASES: QuickFixCase[] = [
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
  {
    fixture: 'ingress-no-tls.yaml',
    ruleId: 'ingress-missing-tls',
    title: 'Add spec.tls for shop.example.com with the Secret "shop-tls"',
    expectLine: '      secretName: shop-tls',
  },
];

/** The quick fixes VS Code offers at the diagnostic's range (returned actions carry no `diagnostics`). */
async function quickFixesAt(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
}

describe('quick fixes', () => {
  before(activatePalisade);
  after(closeAllEditors);

  for (const c of CASES) {
    it(`"${c.title}" removes the ${c.ruleId} finding in ${c.fixture}`, async () => {
      const document = await openFixture(c.fixture);
      const diagnostic = await waitForFinding(document.uri, c.ruleId);
      const actions = await quickFixesAt(document, diagnostic);
      const action = actions.find((a) => a.title === c.title);
      assert.ok(action?.edit, `no "${c.title}" action with an edit; offered: ${JSON.stringify(actions.map((a) => a.title))}`);

      assert.equal(await vscode.workspace.applyEdit(action.edit), true);
      await waitForNoFinding(document.uri, c.ruleId);
      const lines = document.getText().split(/\r?\n/);
      assert.ok(lines.includes(c.expectLine), `expected the line ${JSON.stringify(c.expectLine)} in:\n${document.getText()}`);
      if (c.survivor) assert.equal(findingsFor(document.uri, c.survivor).length, 1, `${c.survivor} should still be reported`);
      // Saved so closing the editor never waits on a "save changes?" dialog (the workspace is a copy).
      await document.save();
    });
  }
});
