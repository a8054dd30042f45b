// The client restarts a crashed language server and tells the user once. Runs last (files are sorted): it kills
// the server process twice.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('./helpers');

/** Resolves when the client is running again after having left the Running state. */
function waitForRestart(client) {
  let left = false;
  return h.waitUntil(
    () => {
      if (client.state !== h.RUNNING) left = true;
      return left && client.state === h.RUNNING;
    },
    [(fn) => client.onDidChangeState(fn)],
    'the language client to restart',
    () => `state ${client.state}`,
  );
}

describe('Policy Lint server crash handling', function () {
  this.timeout(60000);

  it('restarts the server after a crash, says so once, and the checks carry on', async function () {
    const api = await h.activate();
    const paper = await h.openPaper('paper.md');
    const hasMisspelled = (ds) => ds.some((d) => h.codeOf(d) === 'acronym/misspelled');
    await h.waitForDiagnostics(paper.uri, hasMisspelled, 'acronym/misspelled in paper.md');
    const before = api.crashes();

    for (let round = 1; round <= 2; round++) {
      // vscode-languageclient keeps the forked server process here (TransportKind.ipc)
      const proc = api.client._serverProcess;
      if (!proc || !proc.pid) {
        console.log('      (skipped: the server process is not reachable from the client)');
        this.skip();
      }
      // diagnostics published by the new server (the client keeps the old ones across a restart)
      let restartedAt = 0;
      let republished = false;
      const sub = vscode.languages.onDidChangeDiagnostics((e) => {
        if (restartedAt && e.uris.some((u) => u.toString() === paper.uri.toString())) republished = true;
      });
      const restarted = waitForRestart(api.client).then(() => (restartedAt = Date.now()));
      proc.kill('SIGKILL');
      await restarted;
      assert.equal(api.crashes().crashes, before.crashes + round, `crash ${round} was seen`);
      assert.equal(api.crashes().notices, 1, 'the user is told once, not on every crash');
      assert.notEqual(api.client._serverProcess && api.client._serverProcess.pid, proc.pid, 'a new server process');

      // the new server checks the paper again (the client cleared the old server's diagnostics) and answers
      try {
        await h.waitUntil(
          () => republished && hasMisspelled(vscode.languages.getDiagnostics(paper.uri)),
          [vscode.languages.onDidChangeDiagnostics],
          'the new server to publish acronym/misspelled for paper.md',
        );
      } finally {
        sub.dispose();
      }
      const ipef = h.positionOf(paper, '(IPEF)', 0, 2);
      const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', paper.uri, ipef);
      const text = (hovers || []).flatMap((x) => x.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
      assert.match(text, /Indo-Pacific Economic Framework/);
    }
  });
});
