// Shared helpers of the VS Code integration tests (not a test file: index.js loads *.test.js only).
// Every wait is event-driven: it checks the current state, then re-checks on the given events. The only timers
// are failure deadlines that turn a hang into an error saying what was last seen.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');

const EXTENSION_ID = 'policy-lint.policy-lint';
const SOURCE = 'policy-lint';
const DEADLINE_MS = 50000; // below mocha's 60 s so the deadline's message wins
const RUNNING = 2; // vscode-languageclient State.Running (Stopped = 1, Starting = 3)

/** diagnostic.code is a string/number, or `{ value, target }` when the server sends a codeDescription. */
function codeOf(d) {
  if (d.code === undefined || d.code === null) return undefined;
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function describeDiagnostics(ds) {
  if (ds.length === 0) return '(none)';
  return ds.map((d) => `${codeOf(d)} ${d.range.start.line}:${d.range.start.character} "${d.message}"`).join('; ');
}

/**
 * Resolves with `check()`'s value once it is truthy: checks now, then again whenever one of `events` fires.
 * `describe()` says what was seen when the deadline passes.
 */
function waitUntil(check, events, what, describe = () => '') {
  return new Promise((resolve, reject) => {
    let settled = false;
    const subs = [];
    const finish = (fn, value) => {
      if (settled) return;
      settled = true;
      for (const s of subs) s.dispose();
      clearTimeout(deadline);
      fn(value);
    };
    const attempt = () => {
      try {
        const v = check();
        if (v) finish(resolve, v);
      } catch (e) {
        finish(reject, e);
      }
    };
    const deadline = setTimeout(() => finish(reject, new Error(`Timed out waiting for ${what}${describe() ? `; ${describe()}` : ''}`)), DEADLINE_MS);
    for (const ev of events) subs.push(ev(() => attempt()));
    attempt();
  });
}

/** The document's diagnostics once `predicate(diagnostics)` holds. */
function waitForDiagnostics(uri, predicate, what) {
  const get = () => vscode.languages.getDiagnostics(uri);
  return waitUntil(
    () => (predicate(get()) ? get() : undefined),
    [vscode.languages.onDidChangeDiagnostics],
    what,
    () => `diagnostics now: ${describeDiagnostics(get())}`,
  );
}

/** Resolves once the language client reports State.Running; rejects at once if it has stopped for good. */
function waitForClientRunning(client) {
  if (client.state === RUNNING) return Promise.resolve();
  return waitUntil(() => client.state === RUNNING, [(fn) => client.onDidChangeState(fn)], 'the language client to run', () => `state ${client.state}`);
}

/** Activates the extension and waits until its server runs; returns the API. */
async function activate() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
  const api = await ext.activate();
  assert.ok(api && api.client, 'activate() returns { client }');
  await api.ready;
  await waitForClientRunning(api.client);
  return api;
}

function workspaceUri(...segments) {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  assert.ok(folder, 'the test workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

async function openPaper(...segments) {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(...segments));
  await vscode.window.showTextDocument(doc);
  assert.equal(doc.languageId, 'markdown');
  return doc;
}

/** Position of the `nth` (0-based) occurrence of `needle`, plus `offset` characters. */
function positionOf(doc, needle, nth = 0, offset = 0) {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `the document contains ${nth + 1} × ${JSON.stringify(needle)}`);
  }
  return doc.positionAt(at + offset);
}

function rangeOf(doc, needle, nth = 0) {
  const start = positionOf(doc, needle, nth);
  return new vscode.Range(start, start.translate(0, needle.length));
}

/**
 * Fails the test unless the server advertises `capability` in its InitializeResult (every feature these tests cover
 * is provided: a capability that disappears is a regression, not a reason to skip).
 */
function requireCapability(_ctx, api, capability, feature) {
  const caps = (api.client.initializeResult && api.client.initializeResult.capabilities) || {};
  if (!caps[capability]) throw new Error(`the server does not advertise ${capability}, so ${feature} is not provided`);
  return caps[capability];
}

/** Sends custom request `method` and returns its answer; a MethodNotFound error fails the test like any other. */
async function requireRequest(_ctx, api, method, params) {
  return api.client.sendRequest(method, params);
}

module.exports = {
  EXTENSION_ID,
  SOURCE,
  RUNNING,
  codeOf,
  describeDiagnostics,
  waitUntil,
  waitForDiagnostics,
  waitForClientRunning,
  activate,
  workspaceUri,
  openPaper,
  positionOf,
  rangeOf,
  requireCapability,
  requireRequest,
};
