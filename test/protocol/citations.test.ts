// Citations over the wire: key completion after [@, hover on citations, go to definition, find references.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './lsp-client';

const fixtures = join(__dirname, '..', 'fixtures', 'citations-editor');
/** The Pandoc fixture, with a citation being typed at the end (line 14). */
const pandoc = readFileSync(join(fixtures, 'pandoc.md'), 'utf8') + '\nFreezer loans help [@ta';
const TYPED_LINE = 14;

const authorYear = [
  'Dredging costs rose after the new rules (Mensah, 2020; Lee and Park 2021). Mensah (2020) says so again.', // 0
  '',
  '## References', // 2
  '',
  'Lee, S. and Park, J. (2021). Silt and Spending. Port Studies 4: 1–12.', // 4
  'Mensah, A. (2020). Dredging Budgets in West Africa. Accra: Coastline Books.', // 5
].join('\n');

type Loc = { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };
const pos = (l: Loc) => [l.range.start.line, l.range.start.character, l.range.end.line, l.range.end.character];

describe('language server: citations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pl-cite-'));
  const paper = pathToFileURL(join(dir, 'pandoc.md')).toString();
  const bib = pathToFileURL(join(dir, 'sources.bib')).toString();
  const ay = pathToFileURL(join(dir, 'author-year.md')).toString();
  let client: TestClient;

  beforeAll(async () => {
    for (const f of ['sources.bib', 'sources.json']) writeFileSync(join(dir, f), readFileSync(join(fixtures, f)));
    writeFileSync(join(dir, 'pandoc.md'), pandoc);
    writeFileSync(join(dir, 'author-year.md'), authorYear);
    client = new TestClient();
    const init = await client.initialize(pathToFileURL(dir).toString());
    expect(init.capabilities.completionProvider).toEqual({ resolveProvider: false, triggerCharacters: ['@'] });
    await client.open(paper, pandoc, 1);
    await client.open(ay, authorYear, 1);
    await client.diagnostics(paper, (p) => p.version === 1);
    await client.diagnostics(ay, (p) => p.version === 1);
  });
  afterAll(async () => {
    await client.stop();
  });

  const req = <T>(method: string, params: object) => client.conn.sendRequest(method, params) as Promise<T>;
  const at = (uri: string, line: number, character: number) => ({ textDocument: { uri }, position: { line, character } });

  it('completes bibliography keys after [@, replacing the partial key', async () => {
    const end = 'Freezer loans help [@ta'.length;
    const items = await req<{ label: string; detail: string; textEdit: { range: Loc['range']; newText: string } }[]>('textDocument/completion', {
      ...at(paper, TYPED_LINE, end),
      context: { triggerKind: 1 },
    });
    expect(items.map((i) => [i.label, i.detail])).toEqual([
      ['adeyemi2021', 'Adeyemi and Boateng (2021) — Idle Ice: Capacity and Demand in Coastal Cold Chains'],
      ['tanaka-ito2019', 'Tanaka et al. (2019) — Shared Freezers'],
      ['lindqvist2020', 'Lindqvist (2020) — Landing Halls of the North'],
    ]);
    expect(items[1].textEdit).toEqual({ range: { start: { line: TYPED_LINE, character: end - 2 }, end: { line: TYPED_LINE, character: end } }, newText: 'tanaka-ito2019' });
  });

  it('offers nothing after the @ of an e-mail address', async () => {
    const line = pandoc.split('\n')[10];
    const character = line.indexOf('@example') + 1;
    expect(await req('textDocument/completion', { ...at(paper, 10, character), context: { triggerKind: 2, triggerCharacter: '@' } })).toEqual([]);
  });

  it('hovers a key with its bibliography record, and an author–year citation with its reference entry', async () => {
    const h = await req<{ contents: { kind: string; value: string }; range: Loc['range'] }>('textDocument/hover', at(paper, 7, 53));
    expect(h.contents).toEqual({
      kind: 'markdown',
      value: '**@adeyemi2021** · article\n\nAdeyemi and Boateng (2021). *Idle Ice: Capacity and Demand in Coastal Cold Chains*. Review of Fisheries Economics.\n\nFrom sources.bib, line 3',
    });
    expect(h.range).toEqual({ start: { line: 7, character: 52 }, end: { line: 7, character: 64 } });
    const m = await req<{ contents: { value: string } }>('textDocument/hover', at(ay, 0, 42));
    expect(m.contents.value).toBe('**Mensah (2020)** · reference list, line 6\n\nMensah, A. (2020). Dredging Budgets in West Africa. Accra: Coastline Books.');
  });

  it('goes from a key to its record in the .bib file, and from an author–year citation to its entry', async () => {
    const d = await req<Loc>('textDocument/definition', at(paper, 8, 20));
    expect(d).toEqual({ uri: bib, range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } } });
    const e = await req<Loc>('textDocument/definition', at(ay, 0, 78));
    expect([e.uri, ...pos(e)]).toEqual([ay, 5, 0, 5, 75]);
  });

  it('finds every citation of an entry, from the entry, with the declaration when asked', async () => {
    const refs = await req<Loc[]>('textDocument/references', { ...at(ay, 5, 10), context: { includeDeclaration: true } });
    expect(refs.map((l) => [l.uri === ay, ...pos(l)])).toEqual([
      [true, 5, 0, 5, 75],
      [true, 0, 41, 0, 53],
      [true, 0, 75, 0, 88],
    ]);
    const keyRefs = await req<Loc[]>('textDocument/references', { ...at(paper, 7, 55), context: { includeDeclaration: false } });
    expect(keyRefs.map((l) => [l.uri === paper, ...pos(l)])).toEqual([
      [true, 7, 52, 7, 64],
      [true, 8, 35, 8, 48],
    ]);
  });
});
