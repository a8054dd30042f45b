import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './lsp-client';

const paper = [
  '# Port cooperation', //                                              0
  '',
  '## 1. Background', //                                                2
  '',
  'The Port Data Exchange (PDEX) links customs offices. PDEX grew.', // 4
  '',
  '## 2. Outlook', //                                                   6
  '',
  'The PDEX’s budget and the RCEP rules matter. ', //                  8
].join('\n');

describe('language server: navigation, completion, tokens, overview, workspace check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pl-feat-'));
  const file = join(dir, 'paper.md');
  const uri = pathToFileURL(file).toString();
  const other = join(dir, 'sub', 'other.md');
  let client: TestClient;

  beforeAll(async () => {
    writeFileSync(file, paper);
    require('node:fs').mkdirSync(join(dir, 'sub'));
    writeFileSync(other, 'The Ocean Data Compact (ODC) met. The ODDC did not.\n');
    client = new TestClient();
    await client.initialize(pathToFileURL(dir).toString(), { workspace: { configuration: true } });
    await client.open(uri, paper, 1);
    await client.diagnostics(uri, (p) => p.version === 1);
  });
  afterAll(async () => {
    await client.stop();
  });

  const req = <T>(method: string, params: object) => client.conn.sendRequest(method, params) as Promise<T>;
  const at = (line: number, character: number) => ({ textDocument: { uri }, position: { line, character } });

  it('goes to the definition of an acronym and finds its references', async () => {
    expect(await req('textDocument/definition', at(8, 5))).toEqual({ uri, range: { start: { line: 4, character: 24 }, end: { line: 4, character: 28 } } });
    const refs = await req<{ range: { start: { line: number; character: number } } }[]>('textDocument/references', { ...at(4, 53), context: { includeDeclaration: true } });
    expect(refs.map((r) => [r.range.start.line, r.range.start.character])).toEqual([[4, 24], [4, 53], [8, 4]]);
    const uses = await req<unknown[]>('textDocument/references', { ...at(4, 53), context: { includeDeclaration: false } });
    expect(uses).toHaveLength(2);
  });

  it('renames an acronym everywhere, keeping the possessive', async () => {
    expect(await req('textDocument/prepareRename', at(8, 6))).toEqual({ range: { start: { line: 8, character: 4 }, end: { line: 8, character: 8 } }, placeholder: 'PDEX' });
    const edit = await req<{ documentChanges: { edits: { range: { start: { line: number; character: number } }; newText: string }[] }[] }>('textDocument/rename', { ...at(8, 6), newName: 'PDX' });
    expect(edit.documentChanges[0].edits.map((e) => [e.range.start.line, e.range.start.character, e.newText])).toEqual([[4, 24, 'PDX'], [4, 53, 'PDX'], [8, 4, 'PDX']]);
    await expect(req('textDocument/rename', { ...at(8, 6), newName: 'not an acronym' })).rejects.toThrow(/is not an acronym/);
  });

  it('lists the section outline as document symbols', async () => {
    const symbols = await req<{ name: string; children: { name: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s) => [s.name, s.children.map((c) => c.name)])).toEqual([['Port cooperation', ['1. Background', '2. Outlook']]]);
  });

  it('finds defined acronyms across the workspace', async () => {
    const symbols = await req<{ name: string; containerName: string; location: { uri: string } }[]>('workspace/symbol', { query: '' });
    expect(symbols.map((s) => [s.name, s.containerName, s.location.uri.endsWith('other.md') ? 'other' : 'paper'])).toEqual([
      ['PDEX', 'Port Data Exchange', 'paper'],
      ['ODC', 'Ocean Data Compact', 'other'],
    ]);
  });

  it('completes acronyms: the definition at first use, the acronym after it, knowledge-base frameworks too', async () => {
    const items = await req<{ label: string; textEdit: { newText: string } }[]>('textDocument/completion', at(8, 44));
    const byLabel = new Map(items.map((i) => [i.label, i.textEdit.newText]));
    expect(byLabel.get('PDEX')).toBe('PDEX');
    expect(byLabel.get('CPTPP')).toBe('Comprehensive and Progressive Agreement for Trans-Pacific Partnership (CPTPP)');
    expect(byLabel.get('RCEP')).toBe('RCEP');
  });

  it('returns semantic tokens for acronyms', async () => {
    const legend = ['type', 'number'];
    const tokens = await req<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    // [deltaLine, deltaStart, length, type, modifiers] per token: PDEX (definition), PDEX, PDEX, RCEP (known)
    expect(tokens.data).toEqual([4, 24, 4, 0, 1, 0, 29, 4, 0, 0, 4, 4, 4, 0, 0, 0, 22, 4, 0, 2]);
    expect(legend[tokens.data[3]]).toBe('type');
  });

  it('answers the paper overview', async () => {
    const o = await req<{ acronyms: { acronym: string; expansion: string; known: boolean; uses: unknown[] }[] }>('policyLint/paperOverview', { uri });
    expect(o.acronyms.map((a) => [a.acronym, a.expansion, a.known, a.uses.length])).toEqual([
      ['PDEX', 'Port Data Exchange', false, 2],
      ['RCEP', 'Regional Comprehensive Economic Partnership', true, 1],
    ]);
  });

  it('answers the paper overview when the params come as an array with a null (a client passing an undefined token)', async () => {
    // vscode-jsonrpc sends `sendRequest(method, params, undefined)` as the positional params [params, null]
    const o = (await client.conn.sendRequest('policyLint/paperOverview', { uri }, null)) as { acronyms: { acronym: string }[] };
    expect(o.acronyms.map((a) => a.acronym)).toEqual(['PDEX', 'RCEP']);
  });

  it('checks files that are not open and publishes their diagnostics, with progress', async () => {
    const otherUri = pathToFileURL(other).toString();
    const progress: { done: number; total: number }[] = [];
    client.conn.onNotification('policyLint/checkFilesProgress', (p: { done: number; total: number }) => progress.push(p));
    const published = client.diagnostics(otherUri);
    const result = await req<{ checked: number; failed: { uri: string; reason: string }[]; counts: Record<string, number> }>('policyLint/checkFiles', { uris: [uri, otherUri, pathToFileURL(join(dir, 'missing.md')).toString()] });
    expect(result).toEqual({ checked: 2, failed: [{ uri: pathToFileURL(join(dir, 'missing.md')).toString(), reason: 'no such file' }], counts: { error: 0, warning: 1, information: 0, hint: 0 } });
    expect((await published).diagnostics.map((d) => d.code)).toEqual(['acronym/misspelled']);
    expect(progress).toEqual([{ done: 1, total: 3 }, { done: 2, total: 3 }, { done: 3, total: 3 }]);
  });
});
