// The built language server (dist/server.js, built by `npm test`) as a real child process, spoken to over stdio
// with vscode-jsonrpc. Waits are event-driven: promises resolved by notification/request handlers, never timers.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, Hover, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { analyze, LineIndex } from '../../server/src/core/index';
import { TestClient } from './lsp-client';

const T = 30_000;

/** The brief's fixture: `IPPEF` (line 3, 0-based) is a misspelling of IPEF, with a certain fix. */
const PAPER = [
  '# Trade notes',
  '',
  'The Indo-Pacific Economic Framework (IPEF) was launched in 2022.',
  'IPEF members met in Singapore; the IPPEF supply-chain pillar was signed.',
  '',
].join('\n');
const IPPEF = { start: { line: 3, character: 35 }, end: { line: 3, character: 40 } };
/** The same with two more misspellings, for "Fix all <rule> problems". */
const PAPER3 = PAPER + '\nLater the IPPEF talks resumed, and IPPEF ministers met.\n';

const pkgVersion = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).version as string;

/** Applies LSP edits to a text, as an editor would (non-overlapping, ranges in the original text). */
function applyEdits(text: string, edits: LspTextEdit[]): string {
  const lines = new LineIndex(text);
  const offs = edits.map((e) => ({ ...lines.offsetRange(e.range), newText: e.newText })).sort((a, b) => b.start - a.start);
  for (let i = 1; i < offs.length; i++) expect(offs[i].end, 'edits must not overlap').toBeLessThanOrEqual(offs[i - 1].start);
  let out = text;
  for (const e of offs) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The single document's edits of a WorkspaceEdit, and the version it is bound to (null for plain `changes`). */
function editsOf(edit: WorkspaceEdit | undefined, uri: string): { version: number | null; edits: LspTextEdit[] } {
  if (edit?.documentChanges) {
    expect(edit.documentChanges).toHaveLength(1);
    const dc = edit.documentChanges[0] as { textDocument: { uri: string; version: number | null }; edits: LspTextEdit[] };
    expect(dc.textDocument.uri).toBe(uri);
    return { version: dc.textDocument.version, edits: dc.edits };
  }
  expect(Object.keys(edit?.changes ?? {})).toEqual([uri]);
  return { version: null, edits: edit!.changes![uri] };
}

function codeActions(client: TestClient, uri: string, range: Diagnostic['range'], diagnostics: Diagnostic[], only?: string[]) {
  return client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } }) as Promise<CodeAction[]>;
}

describe('language server over stdio', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pl-lsp-'));
  const uri = pathToFileURL(join(dir, 'paper.md')).toString();
  const uri3 = pathToFileURL(join(dir, 'three.md')).toString();
  let client: TestClient;

  beforeAll(() => {
    client = new TestClient();
  });
  afterAll(async () => {
    await client.stop();
    client.child.kill();
  });

  it('initializes with its capabilities, sending nothing before the response', async () => {
    const init = await client.initialize(pathToFileURL(dir).toString(), { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } });
    expect(init.serverInfo).toEqual({ name: 'policy-lint', version: pkgVersion });
    expect(init.capabilities).toEqual({
      positionEncoding: 'utf-16',
      textDocumentSync: { openClose: true, change: 2 },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      completionProvider: { resolveProvider: false, triggerCharacters: ['@'] },
      semanticTokensProvider: { legend: { tokenTypes: ['type', 'number'], tokenModifiers: ['declaration', 'defaultLibrary', 'deprecated'] }, full: true },
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll', 'source.fixAll.policyLint'] },
      executeCommandProvider: { commands: ['policyLint.fixAll'] },
    });
    expect(client.beforeInitialize).toEqual([]);
  }, T);

  it('publishes diagnostics on open for that version: range, code, docs link, severity, source, fix data', async () => {
    await client.open(uri, PAPER, 1);
    const p = await client.diagnostics(uri, (x) => x.version === 1);
    const d = p.diagnostics.filter((x) => x.code === 'acronym/misspelled');
    expect(d).toHaveLength(1);
    expect(d[0].range).toEqual(IPPEF);
    expect(d[0].message).toMatch(/^\W?IPPEF\b/);
    expect(d[0].codeDescription?.href).toMatch(/docs\/rules\/acronym\/misspelled\.md$/);
    expect(d[0]).toMatchObject({ severity: 2, source: 'policy-lint', relatedInformation: [] });
    expect(d[0].data).toEqual({ version: 1, fixes: [{ title: expect.any(String), isSafe: true, edits: [{ range: IPPEF, newText: 'IPEF' }] }] });

    // every diagnostic is exactly the core's finding, converted
    const lines = new LineIndex(PAPER);
    const findings = analyze(PAPER).findings;
    expect(p.diagnostics.map((x) => [x.code, x.message, x.range])).toEqual(findings.map((f) => [f.ruleId, f.message, lines.range(f.range)]));
    for (const x of p.diagnostics) expect(x.source).toBe('policy-lint');
  }, T);

  it('answers hover on IPEF with the framework card, null elsewhere and for unknown documents', async () => {
    const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 1 } })) as Hover;
    expect(h.contents).toMatchObject({ kind: 'markdown' });
    expect((h.contents as { value: string }).value).toContain('Indo-Pacific Economic Framework for Prosperity');
    expect(h.range).toEqual({ start: { line: 3, character: 0 }, end: { line: 3, character: 4 } });
    expect(await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } })).toBeNull();
    expect(await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: uri + '.unknown' }, position: { line: 0, character: 0 } })).toBeNull();
  }, T);

  it('offers the quick fix at the IPPEF range, rebuilt from code + data, replacing IPPEF with IPEF', async () => {
    const p = await client.diagnostics(uri, (x) => x.version === 1);
    const d = p.diagnostics.find((x) => x.code === 'acronym/misspelled')!;
    const actions = await codeActions(client, uri, IPPEF, [d]);
    // one fixable finding of the rule: no "Fix all" for it; no source action unless asked for
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false])).toEqual([[(d.data as { fixes: { title: string }[] }).fixes[0].title, 'quickfix', true]]);
    expect(actions[0].diagnostics).toEqual([d]);
    const { version, edits } = editsOf(actions[0].edit, uri);
    expect(version).toBe(1);
    expect(edits).toEqual([{ range: IPPEF, newText: 'IPEF' }]);
    expect(applyEdits(PAPER, edits)).toBe(PAPER.replace('IPPEF', 'IPEF'));
    // a diagnostic from another tool is left alone
    expect(await codeActions(client, uri, IPPEF, [{ ...d, source: 'spell' }], ['quickfix'])).toEqual([]);
    expect(await codeActions(client, uri + '.unknown', IPPEF, [d])).toEqual([]);
  }, T);

  it('offers source.fixAll.policyLint only when asked for, applying the certain fixes', async () => {
    const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (const only of [['source.fixAll'], ['source.fixAll.policyLint'], ['source']]) {
      const actions = await codeActions(client, uri, zero, [], only);
      expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.policyLint']);
      const { version, edits } = editsOf(actions[0].edit, uri);
      expect(version).toBe(1);
      expect(applyEdits(PAPER, edits)).toBe(PAPER.replace('IPPEF', 'IPEF'));
    }
    expect(await codeActions(client, uri, zero, [], ['quickfix'])).toEqual([]);
    expect(await codeActions(client, uri, zero, [])).toEqual([]);
  }, T);

  it('offers "Fix all <rule> problems" when the rule has more than one fixable finding, from the current text', async () => {
    await client.open(uri3, PAPER3, 7);
    const p = await client.diagnostics(uri3, (x) => x.version === 7);
    const ds = p.diagnostics.filter((x) => x.code === 'acronym/misspelled');
    expect(ds).toHaveLength(3);
    const actions = await codeActions(client, uri3, ds[1].range, [ds[1]]);
    expect(actions.map((a) => [a.title, a.kind])).toEqual([
      [(ds[1].data as { fixes: { title: string }[] }).fixes[0].title, 'quickfix'],
      ['Fix all acronym/misspelled problems', 'quickfix'],
    ]);
    const { version, edits } = editsOf(actions[1].edit, uri3);
    expect(version).toBe(7);
    expect(edits).toHaveLength(3);
    expect(applyEdits(PAPER3, edits)).toBe(PAPER3.replaceAll('IPPEF', 'IPEF'));
  }, T);

  it('rebuilds quick fixes only where they still hold: stale data as plain changes, missing data from the current text', async () => {
    const p = await client.diagnostics(uri, (x) => x.version === 1);
    const d = p.diagnostics.find((x) => x.code === 'acronym/misspelled')!;
    // data of another version whose fix the current text still has: offered, but not bound to a version
    const stale = { ...d, data: { ...(d.data as object), version: 0 } };
    const a1 = await codeActions(client, uri, IPPEF, [stale], ['quickfix']);
    expect(a1).toHaveLength(1);
    expect(editsOf(a1[0].edit, uri)).toEqual({ version: null, edits: [{ range: IPPEF, newText: 'IPEF' }] });
    // data of another version pointing at text that no longer holds the problem: nothing
    const moved = { ...d, data: { version: 0, fixes: [{ title: 'Replace with IPEF', isSafe: true, edits: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } }, newText: 'IPEF' }] }] } };
    expect(await codeActions(client, uri, IPPEF, [moved], ['quickfix'])).toEqual([]);
    // a client that does not round-trip `data`: the current finding at that range supplies the fix
    const { data: _omit, ...bare } = d;
    const a2 = await codeActions(client, uri, IPPEF, [bare as Diagnostic], ['quickfix']);
    expect(a2.map((a) => a.title)).toEqual([(d.data as { fixes: { title: string }[] }).fixes[0].title]);
    expect(editsOf(a2[0].edit, uri)).toEqual({ version: 1, edits: [{ range: IPPEF, newText: 'IPEF' }] });
    // garbage data is ignored, never fatal
    const junk = await codeActions(client, uri, IPPEF, [{ ...d, data: { version: 1, fixes: [{ title: 3 }] } } as Diagnostic], ['quickfix']);
    expect(Array.isArray(junk)).toBe(true);
  }, T);

  it('executes policyLint.fixAll: applies the certain fixes through workspace/applyEdit', async () => {
    const edit = client.nextApplyEdit();
    const res = await client.conn.sendRequest('workspace/executeCommand', { command: 'policyLint.fixAll', arguments: [uri] });
    const req = await edit;
    const { version, edits } = editsOf(req.edit, uri);
    expect(version).toBe(1);
    expect(applyEdits(PAPER, edits)).toBe(PAPER.replace('IPPEF', 'IPEF'));
    expect(res).toEqual({ applied: true, count: 1 });
    // no document, or not ours: nothing applied, no crash
    expect(await client.conn.sendRequest('workspace/executeCommand', { command: 'policyLint.fixAll', arguments: [uri + '.unknown'] })).toEqual({ applied: false, count: 0 });
    expect(await client.conn.sendRequest('workspace/executeCommand', { command: 'policyLint.fixAll', arguments: [42] })).toEqual({ applied: false, count: 0 });
    expect(client.applyEdits).toHaveLength(1);
  }, T);

  it('re-checks on an incremental change that removes the misspelling and publishes for the new version', async () => {
    const next = client.nextDiagnostics(uri, (x) => x.version === 2);
    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 36 }, end: { line: 3, character: 37 } }, text: '' }],
    });
    const p = await next;
    expect(p.diagnostics.filter((x) => x.code === 'acronym/misspelled')).toEqual([]);
    expect(p.diagnostics.map((x) => x.message)).toEqual(analyze(PAPER.replace('IPPEF', 'IPEF')).findings.map((f) => f.message));
    // the hover cache follows the version: the old IPPEF position now reads IPEF
    const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 36 } })) as Hover;
    expect(h.range).toEqual({ start: { line: 3, character: 35 }, end: { line: 3, character: 39 } });
    // quick fixes from the old version no longer apply
    const old = (await client.diagnostics(uri, (x) => x.version === 1)).diagnostics.find((x) => x.code === 'acronym/misspelled')!;
    expect(await codeActions(client, uri, IPPEF, [old], ['quickfix'])).toEqual([]);
  }, T);

  it('publishes every version in order on a burst of changes', async () => {
    const last = client.nextDiagnostics(uri, (x) => x.version === 5);
    const from = client.published.length;
    for (const [version, text] of [[3, 'IPPEF'], [4, 'IPEF'], [5, 'IPPEF']] as const) {
      await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: 3, character: 35 }, end: { line: 3, character: version === 4 ? 40 : 39 } }, text }] });
    }
    const p = await last;
    expect(p.diagnostics.filter((x) => x.code === 'acronym/misspelled').map((x) => x.range)).toEqual([IPPEF]);
    const versions = client.published.slice(from).filter((x) => x.uri === uri).map((x) => x.version!);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  }, T);

  it('applies settings pulled on didChangeConfiguration (severity string and { severity } object)', async () => {
    client.settings = { rules: { 'acronym/misspelled': 'off' } };
    let next = client.nextDiagnostics(uri, (x) => x.version === 5);
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect((await next).diagnostics.some((x) => x.code === 'acronym/misspelled')).toBe(false);

    client.settings = { rules: { 'acronym/misspelled': { severity: 'error' }, 'acronym/bogus': 'off', 'acronym/undefined': 17 } };
    next = client.nextDiagnostics(uri, (x) => x.version === 5);
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect((await next).diagnostics.filter((x) => x.code === 'acronym/misspelled').map((x) => x.severity)).toEqual([1]);

    client.settings = {};
    next = client.nextDiagnostics(uri, (x) => x.version === 5);
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect((await next).diagnostics.filter((x) => x.code === 'acronym/misspelled').map((x) => x.severity)).toEqual([2]);
  }, T);

  it('clears diagnostics on close, and has logged no error', async () => {
    const cleared = client.nextDiagnostics(uri3, (x) => x.diagnostics.length === 0);
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: uri3 } });
    await cleared;
    expect(client.logs.filter((l) => l.type === 1)).toEqual([]);
  }, T);

  it('shuts down and exits cleanly', async () => {
    expect(await client.conn.sendRequest('shutdown')).toBeNull();
    await client.conn.sendNotification('exit');
    expect(await client.exited).toBe(0);
  }, T);
});

describe('language server: settings pushed by a client that cannot answer workspace/configuration', () => {
  let client: TestClient;
  afterAll(async () => {
    await client.stop();
    client.child.kill();
  });

  it('uses settings.policyLint from didChangeConfiguration', async () => {
    client = new TestClient();
    await client.initialize(null);
    const uri = 'untitled:Untitled-1';
    await client.open(uri, PAPER, 1);
    expect((await client.diagnostics(uri, (x) => x.version === 1)).diagnostics.some((x) => x.code === 'acronym/misspelled')).toBe(true);
    const next = client.nextDiagnostics(uri, (x) => x.version === 1);
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { policyLint: { rules: { 'acronym/misspelled': 'hint' } } } });
    expect((await next).diagnostics.filter((x) => x.code === 'acronym/misspelled').map((x) => x.severity)).toEqual([4]);
  }, T);
});

describe('language server: a broken workspace config', () => {
  let client: TestClient;
  afterAll(async () => {
    await client.stop();
    client.child.kill();
  });

  it('publishes a diagnostic on the config file at the problem line, keeps the valid part, and clears it once fixed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-lsp-cfg-'));
    const cfg = join(dir, '.policylint.yaml');
    writeFileSync(cfg, 'rules:\n  acronym/misspelled: error\n  acronym/nonexistent: warning\n');
    const cfgUri = pathToFileURL(cfg).toString();
    client = new TestClient();
    const problems = client.nextDiagnostics(cfgUri);
    await client.initialize(pathToFileURL(dir).toString());
    const p = await problems;
    expect(client.beforeInitialize).toEqual([]);
    expect(p.diagnostics).toHaveLength(1);
    // `parseConfig` reports line 3, column 3 (1-based): the unknown rule id
    expect(p.diagnostics[0]).toMatchObject({
      code: 'config/invalid',
      severity: 1,
      source: 'policy-lint',
      range: { start: { line: 2, character: 2 }, end: { line: 2, character: 2 + 'acronym/nonexistent'.length } },
    });
    expect(p.diagnostics[0].message).toMatch(/acronym\/nonexistent/);

    // the defaults carry on, with the valid part of the config applied: misspelled is an error here
    const uri = pathToFileURL(join(dir, 'p.md')).toString();
    await client.open(uri, PAPER);
    const d = await client.diagnostics(uri);
    expect(d.diagnostics.filter((x) => x.code === 'acronym/misspelled').map((x) => [x.range, x.severity])).toEqual([[IPPEF, 1]]);

    // fixed on disk: the config diagnostics are cleared and the documents re-checked
    writeFileSync(cfg, 'rules:\n  acronym/misspelled: hint\n');
    const cleared = client.nextDiagnostics(cfgUri, (x) => x.diagnostics.length === 0);
    const rechecked = client.nextDiagnostics(uri);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: cfgUri, type: 2 }] });
    await cleared;
    expect((await rechecked).diagnostics.filter((x) => x.code === 'acronym/misspelled').map((x) => x.severity)).toEqual([4]);
  }, T);

  it('reports a YAML syntax error at its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-lsp-cfg-'));
    const cfg = join(dir, '.policylint.yml');
    writeFileSync(cfg, 'rules:\n  acronym/misspelled: error\n  acronym/undefined: [off\n');
    const cfgUri = pathToFileURL(cfg).toString();
    const c = new TestClient();
    try {
      const problems = c.nextDiagnostics(cfgUri);
      await c.initialize(pathToFileURL(dir).toString());
      const p = await problems;
      expect(p.diagnostics.length).toBeGreaterThan(0);
      expect(p.diagnostics.every((x) => x.code === 'config/invalid' && x.severity === 1)).toBe(true);
      expect(p.diagnostics[0].range.start.line).toBeGreaterThanOrEqual(2);
    } finally {
      await c.stop();
      c.child.kill();
    }
  }, T);
});

describe('language server: files next to the paper', () => {
  let client: TestClient;
  afterAll(async () => {
    await client.stop();
    client.child.kill();
  });

  it('reads the bibliography named in the front matter relative to the document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-lsp-bib-'));
    writeFileSync(join(dir, 'refs.bib'), '@article{smith2020, title={Trade}, author={Smith, A}, year={2020}}\n');
    const text = '---\nbibliography: refs.bib\n---\n\n# Notes\n\nTrade grew [@smith2020; @nobody2021].\n';
    client = new TestClient();
    await client.initialize(pathToFileURL(dir).toString(), { workspace: { configuration: true } });
    const uri = pathToFileURL(join(dir, 'paper.md')).toString();
    await client.open(uri, text);
    const p = await client.diagnostics(uri);
    const keyProblems = p.diagnostics.filter((x) => String(x.code).startsWith('citation/'));
    expect(keyProblems.map((x) => [x.code, text.split('\n')[x.range.start.line].slice(x.range.start.character, x.range.end.character)])).toEqual([
      ['citation/unknown-key', expect.stringContaining('nobody2021')],
    ]);
  }, T);
});
