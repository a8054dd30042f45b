// Integration tests of the client's features in a real VS Code: the status bar item, the Paper overview view and
// the workspace check. Event-driven waits only (see helpers.js).
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('./helpers');

const MISSPELLED = 'acronym/misspelled';
const hasMisspelled = (ds) => ds.some((d) => h.codeOf(d) === MISSPELLED);

/** What the status bar should say for these diagnostics (counted here independently of the extension). */
function expectedStatus(ds) {
  const ours = ds.filter((d) => d.source === h.SOURCE);
  const n = (sev) => ours.filter((d) => d.severity === sev).length;
  const S = vscode.DiagnosticSeverity;
  if (ours.length === 0) return 'Policy Lint: $(check)';
  return `Policy Lint: $(error) ${n(S.Error)} $(warning) ${n(S.Warning)} $(info) ${n(S.Information)}`;
}

describe('Policy Lint client features', function () {
  this.timeout(60000);

  let api;
  /** @type {vscode.TextDocument} */
  let paper;

  before(async function () {
    api = await h.activate();
    paper = await h.openPaper('paper.md');
    await h.waitForDiagnostics(paper.uri, hasMisspelled, `${MISSPELLED} in paper.md`);
  });

  after(async function () {
    await vscode.window.showTextDocument(paper);
  });

  describe('status bar', function () {
    it("shows the active paper's Policy Lint problem counts and opens the Problems panel", async function () {
      await vscode.window.showTextDocument(paper);
      const text = await h.waitUntil(
        () => {
          const want = expectedStatus(vscode.languages.getDiagnostics(paper.uri));
          return api.statusBar.text === want && api.paper() === paper ? want : undefined;
        },
        [api.statusBar.onDidUpdate, vscode.languages.onDidChangeDiagnostics],
        'the status bar to show the counts of paper.md',
        () => `status bar: ${JSON.stringify(api.statusBar.text)}, expected ${JSON.stringify(expectedStatus(vscode.languages.getDiagnostics(paper.uri)))}`,
      );
      assert.match(text, /^Policy Lint: \$\(error\) 0 \$\(warning\) 1 \$\(info\) \d+$/, 'paper.md has one warning (IPPEF) and no error');
      assert.equal(api.statusBar.counts.warning, 1);
      assert.equal(api.statusBar.item.command.command, 'workbench.actions.view.problems');
      assert.match(String(api.statusBar.item.tooltip), /paper\.md/);
    });

    it('follows the diagnostics as the paper changes', async function () {
      await vscode.window.showTextDocument(paper);
      const typo = h.rangeOf(paper, 'IPPEF');
      const fix = new vscode.WorkspaceEdit();
      fix.replace(paper.uri, typo, 'IPEF');
      assert.ok(await vscode.workspace.applyEdit(fix));
      await h.waitUntil(() => api.statusBar.counts && api.statusBar.counts.warning === 0, [api.statusBar.onDidUpdate], 'the warning to leave the status bar', () => api.statusBar.text);
      assert.equal(api.statusBar.text, expectedStatus(vscode.languages.getDiagnostics(paper.uri)));

      const undo = new vscode.WorkspaceEdit();
      undo.replace(paper.uri, new vscode.Range(typo.start, typo.start.translate(0, 4)), 'IPPEF');
      assert.ok(await vscode.workspace.applyEdit(undo));
      await h.waitUntil(() => api.statusBar.counts && api.statusBar.counts.warning === 1, [api.statusBar.onDidUpdate], 'the warning to come back', () => api.statusBar.text);
    });

    it('hides when no Markdown paper is visible, and comes back with it', async function () {
      const plain = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'not a paper' });
      await vscode.window.showTextDocument(plain, { viewColumn: vscode.ViewColumn.Active });
      await h.waitUntil(() => api.paper() === undefined && api.statusBar.counts === undefined, [api.statusBar.onDidUpdate], 'the status bar to hide', () => `paper: ${api.paper() && api.paper().uri}`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.window.showTextDocument(paper);
      await h.waitUntil(() => api.paper() === paper && api.statusBar.counts !== undefined, [api.statusBar.onDidUpdate], 'the status bar to show again', () => api.statusBar.text);
    });
  });

  describe('Paper overview', function () {
    /** The server's overview of the active paper, through the view's controller. */
    async function overviewOf(ctx, doc) {
      await h.requireRequest(ctx, api, 'policyLint/paperOverview', { uri: doc.uri.toString() });
      await vscode.window.showTextDocument(doc);
      await h.waitUntil(() => api.paper() === doc, [vscode.window.onDidChangeActiveTextEditor], `${doc.uri.path} to be the paper`);
      // the view refreshes by itself only while it is visible; ask explicitly (as the refresh button does)
      await api.overview.refresh();
      const ov = await h.waitUntil(
        () => api.overview.state === 'ok' && api.overview.overview && api.overview.overview.uri === doc.uri.toString() && api.overview.overview,
        [api.overview.onDidRefresh],
        `the overview of ${doc.uri.path}`,
        () => `state ${api.overview.state}, shown ${api.overview.overview && api.overview.overview.uri}`,
      );
      return ov;
    }

    it("lists the paper's acronyms with expansion, definition, uses and problems", async function () {
      const ov = await overviewOf(this, paper);
      const byName = new Map(ov.acronyms.map((a) => [a.acronym, a]));
      const ipef = byName.get('IPEF');
      assert.ok(ipef, `IPEF is listed; got ${[...byName.keys()].join(', ')}`);
      assert.equal(ipef.expansion, 'Indo-Pacific Economic Framework');
      assert.ok(ipef.definition, 'IPEF has a definition');
      assert.equal(ipef.definition.start.line, h.positionOf(paper, '(IPEF)').line);
      const rcep = byName.get('RCEP');
      assert.ok(rcep, 'RCEP is listed');
      assert.equal(rcep.known, true, 'RCEP is in the knowledge base');
      assert.equal(rcep.uses.length, 2, 'RCEP is used twice');
      const typo = h.rangeOf(paper, 'IPPEF');
      const problems = ov.acronyms.flatMap((a) => a.problems);
      assert.ok(
        problems.some((p) => p.ruleId === MISSPELLED && p.range.start.line === typo.start.line && p.range.start.character === typo.start.character),
        `the IPPEF misspelling is listed as a problem; got ${JSON.stringify(problems)}`,
      );
      assert.ok(Array.isArray(ov.figures), 'figures is an array (maybe empty)');
      assert.ok(Array.isArray(ov.citations), 'citations is an array (maybe empty)');
      assert.equal(ov.counts.warning, 1);
    });

    it('shows the acronyms, key figures and citations groups in the tree, with jump-to commands', async function () {
      await overviewOf(this, paper);
      const groups = api.overview.getChildren();
      assert.deepEqual(groups.map((g) => g.label), ['Acronyms', 'Key figures', 'Citations']);
      const acronyms = api.overview.getChildren(groups[0]);
      const ipef = acronyms.find((n) => n.label === 'IPEF');
      assert.ok(ipef, `an IPEF node; got ${acronyms.map((n) => n.label).join(', ')}`);
      assert.match(ipef.description, /Indo-Pacific Economic Framework/);
      const flagged = acronyms.filter((n) => n.contextValue === 'acronym-with-problems');
      assert.ok(flagged.length >= 1, 'the misspelling flags an acronym');
      assert.equal(api.overview.getTreeItem(flagged[0]).iconPath.id, 'warning');
      // empty groups say so instead of showing nothing
      for (const g of groups.slice(1)) assert.ok(api.overview.getChildren(g).length >= 1, `${g.label} has children or a placeholder`);

      // clicking a use of RCEP selects it in the editor
      const rcep = acronyms.find((n) => n.label === 'RCEP');
      const use = api.overview.getChildren(rcep).filter((n) => n.contextValue === 'use')[1];
      assert.ok(use, 'RCEP has a second use node');
      const item = api.overview.getTreeItem(use);
      assert.ok(item.command, 'a use node has a command');
      await vscode.commands.executeCommand(item.command.command, ...item.command.arguments);
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor.document.uri.toString(), paper.uri.toString());
      assert.equal(editor.document.getText(editor.selection), 'RCEP');
      assert.ok(editor.selection.start.isEqual(h.positionOf(paper, 'RCEP', 1)), 'the second RCEP is selected');
    });

    it('refreshes by itself when the diagnostics change while the view is visible', async function () {
      await overviewOf(this, paper);
      await vscode.commands.executeCommand('policyLint.overview.focus');
      await vscode.window.showTextDocument(paper);
      const misspelledListed = () =>
        api.overview.overview && api.overview.overview.uri === paper.uri.toString() && api.overview.overview.acronyms.some((a) => a.problems.some((p) => p.ruleId === MISSPELLED));
      assert.ok(misspelledListed(), 'the misspelling is listed before the edit');
      const typo = h.rangeOf(paper, 'IPPEF');
      const fix = new vscode.WorkspaceEdit();
      fix.replace(paper.uri, typo, 'IPEF');
      assert.ok(await vscode.workspace.applyEdit(fix));
      await h.waitUntil(() => api.overview.state === 'ok' && !misspelledListed(), [api.overview.onDidRefresh], 'the overview to drop the fixed misspelling');
      const undo = new vscode.WorkspaceEdit();
      undo.replace(paper.uri, new vscode.Range(typo.start, typo.start.translate(0, 4)), 'IPPEF');
      assert.ok(await vscode.workspace.applyEdit(undo));
      await h.waitUntil(() => api.overview.state === 'ok' && misspelledListed(), [api.overview.onDidRefresh], 'the misspelling to come back in the overview');
    });

    it('follows the active editor to another paper', async function () {
      const nav = await vscode.workspace.openTextDocument(h.workspaceUri('navigation.md'));
      const ov = await overviewOf(this, nav);
      const pdex = ov.acronyms.find((a) => a.acronym === 'PDEX');
      assert.ok(pdex, 'PDEX is listed for navigation.md');
      assert.equal(pdex.expansion, 'Port Data Exchange');
      assert.equal(pdex.uses.length, 2);
      assert.ok(ov.citations.length === 0 || ov.citations.some((c) => c.label.includes('Tanaka')), 'the Tanaka citation, if citations are reported');
      await overviewOf(this, paper);
    });
  });

  describe('citation highlighting', function () {
    it("injects the citation scopes into VS Code's Markdown grammar", async function () {
      // VS Code's own command for its colorizer tests: the TextMate tokens of a file, with their scopes
      const commands = await vscode.commands.getCommands(false);
      if (!commands.includes('_workbench.captureSyntaxTokens')) {
        console.log('      (skipped: this VS Code build has no _workbench.captureSyntaxTokens command)');
        this.skip();
      }
      const tokens = await vscode.commands.executeCommand('_workbench.captureSyntaxTokens', h.workspaceUri('navigation.md'));
      const scopesOf = (text) => (tokens.find((t) => t.c === text) || { t: '' }).t.split(' ');
      assert.ok(scopesOf('Tanaka').includes('entity.name.type.author.citation.policy-lint'), `Tanaka: ${scopesOf('Tanaka').join(' ')}`);
      assert.ok(scopesOf('Tanaka').includes('text.html.markdown'), 'inside the Markdown grammar (an injection, not a replacement)');
      assert.ok(scopesOf('2021').includes('constant.numeric.year.citation.policy-lint'), `2021: ${scopesOf('2021').join(' ')}`);
    });
  });

  describe('configuration schema', function () {
    it('VS Code validates .policylint.json against the contributed schema', async function () {
      // a sample below the workspace root: the server reads only the root's config, so this one changes nothing
      const uri = h.workspaceUri('schema-sample', '.policylint.json');
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const fromJson = (ds) => ds.filter((d) => d.source !== h.SOURCE);
      const ds = await h.waitForDiagnostics(uri, (all) => fromJson(all).length >= 2, 'JSON schema diagnostics on .policylint.json');
      const at = (text) => fromJson(ds).find((d) => doc.getText(d.range).includes(text));
      assert.ok(at('acronym/misspeled'), `the unknown rule id is flagged; got ${h.describeDiagnostics(ds)}`);
      assert.ok(at('warn'), `the bad severity is flagged; got ${h.describeDiagnostics(ds)}`);
      assert.ok(!at('glossary'), 'the valid parts are not flagged');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });
  });

  describe('Check all papers in the workspace', function () {
    it('puts the diagnostics of a paper nobody opened into the Problems panel', async function () {
      await h.requireRequest(this, api, 'policyLint/checkFiles', { uris: [] });
      const unopened = h.workspaceUri('drafts', 'unopened.md');
      const isOpen = () => vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString());
      assert.ok(!isOpen(), 'drafts/unopened.md is not open');
      assert.equal(vscode.languages.getDiagnostics(unopened).length, 0, 'no diagnostics for it yet');
      const published = h.waitForDiagnostics(unopened, hasMisspelled, `${MISSPELLED} (RCEEP) in drafts/unopened.md`);

      const summary = await vscode.commands.executeCommand('policyLint.checkWorkspace');
      assert.ok(summary, 'the command returns a summary');
      assert.equal(summary.cancelled, false);
      assert.ok(summary.files >= 3, `found the workspace's Markdown files; got ${summary.files}`);
      assert.equal(summary.checked + summary.failed.length, summary.files, JSON.stringify(summary));
      assert.ok(summary.counts.warning >= 1, `counts include the RCEEP warning: ${JSON.stringify(summary.counts)}`);

      const ds = await published;
      const d = ds.find((x) => h.codeOf(x) === MISSPELLED);
      assert.equal(d.source, h.SOURCE);
      assert.match(d.message, /RCEEP/);
      assert.ok(!isOpen(), 'checking did not open the file');
    });
  });
});
