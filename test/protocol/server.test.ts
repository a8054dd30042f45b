import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './lsp-client';

const paper = [
  '# Trade notes',
  '',
  'The Indo-Pacific Economic Framework (IPEF) was launched in 2022.',
  'IPEF members met in Singapore; the IPPEF supply-chain pillar was signed.',
  '',
  'Later the IPPEF talks resumed.',
].join('\n');

describe('language server over stdio', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pl-lsp-'));
  const uri = pathToFileURL(join(dir, 'paper.md')).toString();
  let client: TestClient;

  beforeAll(async () => {
    client = new TestClient();
    client.settings = {};
  });
  afterAll(async () => {
    await client.stop();
  });

  it('initializes with its capabilities', async () => {
    const init = await client.initialize(pathToFileURL(dir).toString(), { workspace: { configuration: true } });
    expect(init.serverInfo.name).toBe('policy-lint');
    expect(init.capabilities).toMatchObject({
      positionEncoding: 'utf-16',
      hoverProvider: true,
      textDocumentSync: { openClose: true, change: 2 },
      executeCommandProvider: { commands: ['policyLint.fixAll'] },
    });
  });

  it('publishes diagnostics on open, with code, docs link, range and fix data', async () => {
    await client.open(uri, paper, 1);
    const p = await client.diagnostics(uri, (x) => x.version === 1);
    const d = p.diagnostics.filter((x) => x.code === 'acronym/misspelled');
    expect(d.map((x) => x.range)).toEqual([
      { start: { line: 3, character: 35 }, end: { line: 3, character: 40 } },
      { start: { line: 5, character: 10 }, end: { line: 5, character: 15 } },
    ]);
    expect(d[0]).toMatchObject({
      severity: 2,
      source: 'policy-lint',
      message: '“IPPEF” is not a known acronym; did you mean IPEF (Indo-Pacific Economic Framework, defined on line 3)?',
      data: { version: 1, fixes: [{ title: 'Replace with IPEF', isSafe: true, edits: [{ range: d[0].range, newText: 'IPEF' }] }] },
    });
    expect(d[0].codeDescription?.href).toMatch(/docs\/rules\/acronym\/misspelled\.md$/);
  });

  it('answers hover with the framework card', async () => {
    const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 1 } })) as { contents: { kind: string; value: string }; range: unknown };
    expect(h.contents.kind).toBe('markdown');
    expect(h.contents.value.split('\n\n')[0]).toBe('**IPEF** · Indo-Pacific Economic Framework for Prosperity');
    expect(h.range).toEqual({ start: { line: 3, character: 0 }, end: { line: 3, character: 4 } });
    const none = await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
    expect(none).toBeNull();
  });

  it('offers the quick fix, fix-all of the rule and source.fixAll, rebuilt from the diagnostic data', async () => {
    const p = await client.diagnostics(uri, (x) => x.version === 1);
    const d = p.diagnostics.filter((x) => x.code === 'acronym/misspelled');
    const actions = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: d[0].range,
      context: { diagnostics: [d[0]] },
    })) as { title: string; kind: string; isPreferred?: boolean; edit: { documentChanges: { textDocument: { version: number }; edits: { range: unknown; newText: string }[] }[] } }[];
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false])).toEqual([
      ['Replace with IPEF', 'quickfix', true],
      ['Fix all acronym/misspelled problems (2)', 'quickfix', false],
    ]);
    expect(actions[0].edit.documentChanges[0]).toEqual({ textDocument: { uri, version: 1 }, edits: [{ range: d[0].range, newText: 'IPEF' }] });
    expect(actions[1].edit.documentChanges[0].edits.map((e) => e.newText)).toEqual(['IPEF', 'IPEF']);
    const source = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as { title: string; kind: string }[];
    expect(source.map((a) => [a.title, a.kind])).toEqual([['Fix all Policy Lint problems', 'source.fixAll.policyLint']]);
  });

  it('rebuilds no quick fix from a diagnostic of an older version (fix-all is computed from the current text)', async () => {
    const p = await client.diagnostics(uri, (x) => x.version === 1);
    const stale = { ...p.diagnostics[0], data: { ...(p.diagnostics[0].data as object), version: 0 } };
    const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: stale.range, context: { diagnostics: [stale], only: ['quickfix'] } })) as { title: string }[];
    expect(actions.map((a) => a.title)).toEqual(['Fix all acronym/misspelled problems (2)']);
  });

  it('re-checks on an incremental change and publishes for the new version', async () => {
    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 5, character: 10 }, end: { line: 5, character: 15 } }, text: 'IPEF' },
        { range: { start: { line: 3, character: 35 }, end: { line: 3, character: 40 } }, text: 'IPEF' },
      ],
    });
    const p = await client.diagnostics(uri, (x) => x.version === 2);
    expect(p.diagnostics.filter((x) => x.code === 'acronym/misspelled')).toEqual([]);
  });

  it('turns a rule off from settings pulled on didChangeConfiguration', async () => {
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: paper }] });
    const before = await client.diagnostics(uri, (x) => x.version === 3 && x.diagnostics.length > 0);
    expect(before.diagnostics.some((x) => x.code === 'acronym/misspelled')).toBe(true);
    const n = client.published.length;
    client.settings = { rules: { 'acronym/misspelled': 'off' } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const after = await client.diagnostics(uri, (x) => x.version === 3 && client.published.indexOf(x) >= n);
    expect(after.diagnostics.some((x) => x.code === 'acronym/misspelled')).toBe(false);
    client.settings = {};
  });
});

describe('language server: a broken workspace config', () => {
  it('publishes one diagnostic on the config file at the right line and keeps checking with the defaults', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-lsp-cfg-'));
    const cfg = join(dir, '.policylint.yaml');
    writeFileSync(cfg, 'rules:\n  acronym/misspelled: error\n  acronym/nonexistent: warning\n');
    const client = new TestClient();
    try {
      await client.initialize(pathToFileURL(dir).toString());
      const cfgUri = pathToFileURL(cfg).toString();
      const p = await client.diagnostics(cfgUri);
      expect(p.diagnostics).toHaveLength(1);
      expect(p.diagnostics[0]).toMatchObject({ code: 'config/invalid', severity: 1, range: { start: { line: 2, character: 2 } } });
      expect(p.diagnostics[0].message).toMatch(/^Unknown rule "acronym\/nonexistent"/);
      const uri = pathToFileURL(join(dir, 'p.md')).toString();
      await client.open(uri, 'The Pacific Data Council (PDC) met. The PDDC did not.');
      const d = await client.diagnostics(uri);
      // the valid part of the config still applies: misspelled is an error here
      expect(d.diagnostics.map((x) => [x.code, x.severity])).toEqual([['acronym/misspelled', 1]]);
    } finally {
      await client.stop();
    }
  });
});
