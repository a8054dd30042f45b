// Integration tests of the Policy Lint extension in a real VS Code (see test/vscode/runTest.js).
// Waits are event-driven (diagnostics / client state events); the only timers are failure deadlines that turn a
// hang into an error message showing what was last seen.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');

const EXTENSION_ID = 'policy-lint.policy-lint';
const MISSPELLED = 'acronym/misspelled';
const DEADLINE_MS = 50000; // below mocha's 60 s so the deadline's message wins

/** diagnostic.code is a string/number, or `{ value, target }` when the server sends a codeDescription. */
function codeOf(d) {
  if (d.code === undefined || d.code === null) return undefined;
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function describeDiagnostics(ds) {
  if (ds.length === 0) return '(none)';
  return ds
    .map((d) => `${codeOf(d)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} "${d.message}"`)
    .join('; ');
}

/**
 * Resolves with the document's diagnostics once `predicate(diagnostics)` holds: checks the current state first,
 * then re-checks on every `onDidChangeDiagnostics` event for `uri`.
 */
function waitForDiagnostics(uri, predicate, what) {
  return new Promise((resolve, reject) => {
    let settled = false;
    let sub;
    let deadline;
    const finish = (fn, value) => {
      if (settled) return;
      settled = true;
      if (sub) sub.dispose();
      clearTimeout(deadline);
      fn(value);
    };
    const check = () => {
      const ds = vscode.languages.getDiagnostics(uri);
      if (predicate(ds)) finish(resolve, ds);
    };
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    deadline = setTimeout(() => {
      const ds = vscode.languages.getDiagnostics(uri);
      finish(reject, new Error(`Timed out waiting for ${what}; diagnostics now: ${describeDiagnostics(ds)}`));
    }, DEADLINE_MS);
    check();
  });
}

const RUNNING = 2; // vscode-languageclient State.Running (Stopped = 1, Starting = 3)

/** Resolves once the language client reports State.Running; rejects at once if it has stopped. */
function waitForClientRunning(client) {
  if (client.state === RUNNING) return Promise.resolve();
  if (client.state === 1) return Promise.reject(new Error('the language client has stopped (server failed to start?)'));
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => {
      sub.dispose();
      reject(new Error(`Language client not running (state ${client.state})`));
    }, DEADLINE_MS);
    const sub = client.onDidChangeState((e) => {
      if (e.newState === RUNNING) {
        clearTimeout(deadline);
        sub.dispose();
        resolve();
      }
    });
  });
}

const hasMisspelled = (ds) => ds.some((d) => codeOf(d) === MISSPELLED);

describe('Policy Lint extension', function () {
  this.timeout(60000);

  /** @type {vscode.TextDocument} */
  let doc;
  /** @type {vscode.Range} the "IPPEF" token in the fixture */
  let typoRange;
  /** @type {vscode.Position} inside the defined "(IPEF)" */
  let ipefPos;
  /** The extension's API, `{ client, ready }`. */
  let api;

  /** Fails fast (instead of waiting for a deadline) when the server is not running. */
  async function requireServer() {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    api = api || (ext && (await ext.activate()));
    assert.ok(api && api.client, 'the extension is active');
    await api.ready;
    await waitForClientRunning(api.client);
  }

  before(async function () {
    const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
    assert.ok(folder, 'the test workspace folder is open');
    doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'paper.md'));
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'markdown');
    const text = doc.getText();
    const typo = text.indexOf('IPPEF');
    assert.ok(typo >= 0, 'fixture contains IPPEF');
    typoRange = new vscode.Range(doc.positionAt(typo), doc.positionAt(typo + 'IPPEF'.length));
    const def = text.indexOf('(IPEF)');
    assert.ok(def >= 0, 'fixture defines (IPEF)');
    ipefPos = doc.positionAt(def + 2);
  });

  after(async function () {
    // Leave no workspace setting behind if test 4 failed half-way (the workspace is a scratch copy anyway).
    const cfg = vscode.workspace.getConfiguration('policyLint', doc && doc.uri);
    const inspected = cfg.inspect('rules');
    if (inspected && inspected.workspaceValue !== undefined) {
      await cfg.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('activates and starts the language client', async function () {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
    api = await ext.activate();
    assert.ok(api && api.client, 'activate() returns { client }');
    await api.ready;
    await waitForClientRunning(api.client);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('policyLint.fixAllInEditor'), 'policyLint.fixAllInEditor is registered');
    assert.ok(commands.includes('policyLint.restartServer'), 'policyLint.restartServer is registered');
  });

  it('reports acronym/misspelled on IPPEF as a warning', async function () {
    await requireServer();
    const ds = await waitForDiagnostics(
      doc.uri,
      (all) => all.some((d) => codeOf(d) === MISSPELLED && d.range.isEqual(typoRange)),
      `${MISSPELLED} at ${typoRange.start.line}:${typoRange.start.character}`,
    );
    const d = ds.find((x) => codeOf(x) === MISSPELLED && x.range.isEqual(typoRange));
    assert.equal(d.range.start.line, typoRange.start.line);
    assert.equal(d.range.start.character, typoRange.start.character);
    assert.equal(d.range.end.line, typoRange.end.line);
    assert.equal(d.range.end.character, typoRange.end.character);
    assert.equal(doc.getText(d.range), 'IPPEF');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('shows the official full name when hovering IPEF', async function () {
    await requireServer();
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, ipefPos);
    const text = (hovers || [])
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n---\n');
    assert.ok(
      text.includes('Indo-Pacific Economic Framework for Prosperity'),
      `hover text contains the official name; got: ${JSON.stringify(text)}`,
    );
  });

  it('offers a quick fix that replaces IPPEF with IPEF, and the finding goes away', async function () {
    await requireServer();
    await waitForDiagnostics(doc.uri, hasMisspelled, MISSPELLED);
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, typoRange, undefined, 20);
    const quickfixes = (actions || []).filter(
      (a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind) && /IPEF/.test(a.title),
    );
    assert.ok(
      quickfixes.length > 0,
      `a quick fix mentioning IPEF; got: ${JSON.stringify((actions || []).map((a) => [a.title, a.kind && a.kind.value]))}`,
    );
    const fix =
      quickfixes.find((a) => (a.diagnostics || []).some((d) => codeOf(d) === MISSPELLED)) || quickfixes[0];
    assert.ok(fix.edit, `quick fix "${fix.title}" carries a workspace edit`);

    const fixed = waitForDiagnostics(doc.uri, (ds) => !hasMisspelled(ds), `${MISSPELLED} to disappear`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit succeeded');
    const replaced = new vscode.Range(typoRange.start, typoRange.start.translate(0, 'IPEF'.length));
    assert.equal(doc.getText(replaced), 'IPEF');
    assert.ok(!doc.getText().includes('IPPEF'), 'no IPPEF left in the document');
    await fixed;

    // Put the typo back for the next test and wait until the server reports it again.
    const undo = new vscode.WorkspaceEdit();
    undo.replace(doc.uri, replaced, 'IPPEF');
    assert.ok(await vscode.workspace.applyEdit(undo));
    await waitForDiagnostics(doc.uri, hasMisspelled, `${MISSPELLED} after restoring the typo`);
  });

  it('policyLint.fixAllInEditor applies the safe fixes through the server', async function () {
    await requireServer();
    await waitForDiagnostics(doc.uri, hasMisspelled, MISSPELLED);
    await vscode.window.showTextDocument(doc);
    const fixed = waitForDiagnostics(doc.uri, (ds) => !hasMisspelled(ds), `${MISSPELLED} to disappear after fix all`);
    const result = await vscode.commands.executeCommand('policyLint.fixAllInEditor', doc.uri);
    assert.ok(result && result.applied && result.count >= 1, `server applied fixes; got ${JSON.stringify(result)}`);
    const replaced = new vscode.Range(typoRange.start, typoRange.start.translate(0, 'IPEF'.length));
    assert.equal(doc.getText(replaced), 'IPEF');
    await fixed;

    const undo = new vscode.WorkspaceEdit();
    undo.replace(doc.uri, replaced, 'IPPEF');
    assert.ok(await vscode.workspace.applyEdit(undo));
    await waitForDiagnostics(doc.uri, hasMisspelled, `${MISSPELLED} after restoring the typo`);
  });

  it('applies a policyLint.rules settings change', async function () {
    await requireServer();
    await waitForDiagnostics(doc.uri, hasMisspelled, MISSPELLED);
    const cfg = vscode.workspace.getConfiguration('policyLint', doc.uri);
    await cfg.update('rules', { [MISSPELLED]: 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(doc.uri, (ds) => !hasMisspelled(ds), `${MISSPELLED} to be turned off`);

    await vscode.workspace.getConfiguration('policyLint', doc.uri).update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(doc.uri, hasMisspelled, `${MISSPELLED} to come back after restoring the setting`);
  });
});
