// Editor help for citations: key completion, hover cards, go to definition and find references, per citation style.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, type AnalysisResult, type AnalyzeOptions } from '../../server/src/core/analyze';
import { citationDefinition, citationReferences, hoverAt, keyCompletion, referenceCompletion } from '../../server/src/core/index';
import { citedForm } from '../../server/src/core/citations/complete';
import { parseBibtex, parseCslJson, parseCslYaml } from '../../server/src/core/citations/bibliography';
import { completions, definition, references } from '../../server/src/server/features';

const dir = join(__dirname, '..', 'fixtures', 'citations-editor');
const read = (f: string) => readFileSync(join(dir, f), 'utf8');
const loader: AnalyzeOptions['readBibliography'] = (p) => {
  try {
    return read(p);
  } catch {
    return undefined;
  }
};

/** The text of a range. */
const slice = (r: AnalysisResult, range: { start: number; end: number }) => r.text.slice(range.start, range.end);
/** Ranges of a list of locations in the paper, as their text; file locations as `file:line`. */
const where = (r: AnalysisResult, locs: ({ range: { start: number; end: number } } | { file: string; line: number | undefined })[] | null) =>
  locs?.map((l) => ('range' in l ? slice(r, l.range) : `${l.file}:${l.line}`));
const lineOf = (r: AnalysisResult, o: number) => r.paper.lines.positionAt(o).line + 1;

describe('bibliography records know their line', () => {
  it('BibTeX: the line of the @type{key; CSL-JSON and CSL-YAML: the line where the item starts', () => {
    expect(parseBibtex(read('sources.bib')).map((r) => [r.key, r.line])).toEqual([
      ['adeyemi2021', 3],
      ['tanaka-ito2019', 10],
    ]);
    expect(parseCslJson(read('sources.json')).map((r) => [r.key, r.line])).toEqual([['lindqvist2020', 2]]);
    expect(parseCslYaml('references:\n- title: A\n  id: a1\n- id: "b2"\n  title: B\n').map((r) => [r.key, r.line])).toEqual([
      ['a1', 2],
      ['b2', 4],
    ]);
  });
});

describe('Pandoc papers', () => {
  const base = read('pandoc.md');
  const result = analyze(base, { readBibliography: loader });

  /** Analyses the paper with `typed` appended as a new paragraph; the cursor at its end. */
  const typing = (typed: string, options: AnalyzeOptions = { readBibliography: loader }) => {
    const text = `${base}\n${typed}`;
    return { r: analyze(text, options), offset: text.length };
  };

  it('completes keys after [@, with the partial key as the range to replace', () => {
    const { r, offset } = typing('Freezer loans help [@');
    const c = keyCompletion(r, offset)!;
    expect(c.range).toEqual({ start: offset, end: offset });
    expect(c.keys.map((k) => [k.key, k.author, k.year, k.title, k.insertText])).toEqual([
      ['adeyemi2021', 'Adeyemi and Boateng', '2021', 'Idle Ice: Capacity and Demand in Coastal Cold Chains', 'adeyemi2021'],
      ['tanaka-ito2019', 'Tanaka et al.', '2019', 'Shared Freezers', 'tanaka-ito2019'],
      ['lindqvist2020', 'Lindqvist', '2020', 'Landing Halls of the North', 'lindqvist2020'],
    ]);
    const partial = typing('Freezer loans help [@ad');
    const p = keyCompletion(partial.r, partial.offset)!;
    expect(p.prefix).toBe('ad');
    expect(slice(partial.r, p.range)).toBe('ad');
    expect(p.range).toEqual({ start: partial.offset - 2, end: partial.offset });
  });

  it('completes after "; @", "-@", "[see @" and a narrative " @"; not after an e-mail name@, in code or in the front matter', () => {
    for (const typed of ['Both agree [@adeyemi2021; @ta', 'As shown [-@li', 'Compare [see @', 'Then @lind', 'Then (@ta']) {
      const { r, offset } = typing(typed);
      const c = keyCompletion(r, offset);
      expect(c, typed).not.toBeNull();
      expect(c!.prefix, typed).toBe(/@([\w-]*)$/.exec(typed)![1]);
      expect(c!.keys).toHaveLength(3);
    }
    for (const typed of ['Write to desk@', 'Write to cold-desk@exa', 'x\\@ad']) {
      const { r, offset } = typing(typed);
      expect(keyCompletion(r, offset), typed).toBeNull();
    }
    // inside a code span (the cursor before its closing backtick)
    const span = typing('Inline `[@ad` code');
    expect(keyCompletion(span.r, span.offset - ' code'.length - 1)).toBeNull();
    const inFrontMatter = base.indexOf('(editor fixture)');
    expect(keyCompletion(result, inFrontMatter)).toBeNull();
    // inside a fenced code block
    const code = typing('```\n[@ad');
    expect(keyCompletion(code.r, code.offset)).toBeNull();
  });

  it('the server offers keys (label, author–year–title detail, text edit) after [@ and nothing after an e-mail @', () => {
    const { r, offset } = typing('Freezer loans help [@ta');
    const pos = r.paper.lines.positionAt(offset);
    const items = completions(r, pos);
    expect(items.map((i) => i.label)).toEqual(['adeyemi2021', 'tanaka-ito2019', 'lindqvist2020']);
    expect(items[1]).toMatchObject({
      detail: 'Tanaka et al. (2019) — Shared Freezers',
      labelDetails: { description: 'Tanaka et al. 2019' },
      documentation: { kind: 'markdown', value: 'Tanaka et al. (2019). *Shared Freezers*. Harbour Press.\n\nFrom sources.bib' },
      textEdit: { range: { start: { line: pos.line, character: pos.character - 2 }, end: pos }, newText: 'tanaka-ito2019' },
    });
    const mail = typing('Write to cold-desk@');
    expect(completions(mail.r, mail.r.paper.lines.positionAt(mail.offset))).toEqual([]);
  });

  it('a key Pandoc cannot read bare is inserted in braces; a paper without a bibliography gets no keys', () => {
    const text = '---\nbibliography: odd.bib\n---\n\nSee [@';
    const weird = analyze(text, { readBibliography: () => '@misc{smith:, title = {Trailing colon}}' });
    expect(keyCompletion(weird, text.length)!.keys.map((k) => k.insertText)).toEqual(['{smith:}']);
    const none = analyze('See [@', {});
    expect(keyCompletion(none, 6)).toEqual({ range: { start: 6, end: 6 }, prefix: '', keys: [] });
  });

  it('hovers a key: the record formatted (authors, year, title, venue) and where it comes from', () => {
    const at = base.indexOf('@adeyemi2021, p. 7') + 3;
    const h = hoverAt(result, at)!;
    expect(slice(result, h.range)).toBe('@adeyemi2021');
    expect(h.markdown).toBe(
      '**@adeyemi2021** · article\n\nAdeyemi and Boateng (2021). *Idle Ice: Capacity and Demand in Coastal Cold Chains*. Review of Fisheries Economics.\n\nFrom sources.bib, line 3',
    );
    const narrative = hoverAt(result, base.indexOf('@lindqvist2020') + 1)!;
    expect(slice(result, narrative.range)).toBe('@lindqvist2020');
    expect(narrative.markdown).toBe('**@lindqvist2020** · report\n\nLindqvist (2020). *Landing Halls of the North*. Baltic Fisheries Institute.\n\nFrom sources.json, line 2');
    // the second key of a bracket, with -@
    const suppressed = hoverAt(result, base.indexOf('-@adeyemi2021') + 4)!;
    expect(slice(result, suppressed.range)).toBe('-@adeyemi2021');
  });

  it('hovers a key that resolves to nothing: says so, naming the bibliography, or that none was read', () => {
    const ghost = base.indexOf('@ghost2022') + 2;
    expect(hoverAt(result, ghost)!.markdown).toBe('**@ghost2022**\n\nNo entry in the bibliography (sources.bib, sources.json) matches @ghost2022.');
    const unread = analyze(base);
    expect(hoverAt(unread, ghost)!.markdown).toBe('**@ghost2022**\n\nNo bibliography was read for this paper, so @ghost2022 cannot be looked up (name one with `bibliography:` in the front matter).');
    const broken = analyze(base, { readBibliography: (p) => (p === 'sources.bib' ? read(p) : undefined) });
    expect(hoverAt(broken, ghost)!.markdown).toBe('**@ghost2022**\n\nNo entry in the bibliography (sources.bib, sources.json) matches @ghost2022 (“sources.json” could not be read: see citation/bibliography-error).');
    const todo = analyze('Catches doubled [@TODO].');
    expect(hoverAt(todo, 18)!.markdown).toBe('**@TODO**\n\nA citation placeholder: replace it with a key from the bibliography.');
    // an e-mail address is no citation
    expect(hoverAt(result, base.indexOf('@example.org'))).toBeNull();
  });

  it('goes from a key to its record: the file and line', () => {
    expect(citationDefinition(result, base.indexOf('@tanaka-ito2019') + 2)).toEqual({ file: 'sources.bib', line: 10 });
    expect(citationDefinition(result, base.indexOf('@lindqvist2020'))).toEqual({ file: 'sources.json', line: 2 });
    expect(citationDefinition(result, base.indexOf('@ghost2022') + 1)).toBeNull();
    const loc = definition(result, 'file:///papers/pandoc.md', result.paper.lines.positionAt(base.indexOf('@tanaka-ito2019') + 2), (f) => `file:///papers/${f}`);
    expect(loc).toEqual({ uri: 'file:///papers/sources.bib', range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } } });
  });

  it('finds every citation of a key, with its record when the declaration is included', () => {
    const at = base.indexOf('@adeyemi2021') + 1;
    expect(where(result, citationReferences(result, at, false))).toEqual(['@adeyemi2021', '-@adeyemi2021']);
    expect(where(result, citationReferences(result, at, true))).toEqual(['sources.bib:3', '@adeyemi2021', '-@adeyemi2021']);
    const uri = 'file:///papers/pandoc.md';
    const locs = references(result, uri, result.paper.lines.positionAt(at), true, (f) => `file:///papers/${f}`);
    expect(locs.map((l) => [l.uri, l.range.start.line, l.range.start.character])).toEqual([
      ['file:///papers/sources.bib', 2, 0],
      [uri, 7, 52],
      [uri, 8, 35],
    ]);
  });

  it('inline front-matter references: hover and definition point at the id line in the front matter', () => {
    const text = '---\ntitle: T\nreferences:\n  - id: ito2020\n    title: Ports and Tides\n    author: [{family: Ito}]\n    issued: {date-parts: [[2020]]}\n---\n\nTides matter [@ito2020].';
    const r = analyze(text);
    const at = text.indexOf('@ito2020') + 1;
    expect(hoverAt(r, at)!.markdown).toBe('**@ito2020**\n\nIto (2020). *Ports and Tides*.\n\nFrom the front matter, line 4');
    const def = citationDefinition(r, at)!;
    expect(where(r, [def])).toEqual(['- id: ito2020']);
  });
});

describe('author–year papers', () => {
  const text = [
    '# Harbour Dredging', // 1
    '',
    'Dredging costs rose after the new rules (Mensah, 2020; Lee and Park 2021, p. 4). Okoro (2018) argues that the', // 3
    'rules were overdue, a point Mensah (2020) repeats. Later surveys disagree (Varga, 2022). Port data are published', // 4
    'by the OECD (OECD, 2022).', // 5
    '',
    '## References', // 7
    '',
    'Lee, S. and Park, J. (2021). Silt and Spending. *Port Studies* 4: 1–12.', // 9
    'Mensah, A. (2020). Dredging Budgets in West Africa. Accra: Coastline Books.', // 10
    'OECD (2022). Ports at a Glance. Paris: OECD Publishing.', // 11
    'Okoro, N. (2018). The Case for Harbour Rules. Lagos: Delta House.', // 12
  ].join('\n');
  const r = analyze(text);

  it('hovers an item of a parenthetical and a narrative citation: the reference entry and its line', () => {
    const lee = hoverAt(r, text.indexOf('Lee and Park 2021') + 1)!;
    expect(slice(r, lee.range)).toBe('Lee and Park 2021');
    expect(lee.markdown).toBe('**Lee and Park (2021)** · reference list, line 9\n\nLee, S. and Park, J. (2021). Silt and Spending. Port Studies 4: 1–12.');
    const okoro = hoverAt(r, text.indexOf('Okoro (2018)') + 2)!;
    expect(slice(r, okoro.range)).toBe('Okoro (2018)');
    expect(okoro.markdown).toBe('**Okoro (2018)** · reference list, line 12\n\nOkoro, N. (2018). The Case for Harbour Rules. Lagos: Delta House.');
  });

  it('a citation comes before the acronym card: (OECD, 2022) shows its reference entry', () => {
    const h = hoverAt(r, text.indexOf('OECD, 2022') + 1)!;
    expect(h.markdown).toBe('**OECD (2022)** · reference list, line 11\n\nOECD (2022). Ports at a Glance. Paris: OECD Publishing.');
    // outside the citation the acronym keeps its card
    expect(hoverAt(r, text.indexOf('the OECD') + 5)!.markdown).toMatch(/^\*\*OECD\*\* · Organisation for Economic Co-operation and Development/);
  });

  it('says when no entry matches, or when the paper has no reference list', () => {
    const varga = hoverAt(r, text.indexOf('Varga') + 1)!;
    expect(slice(r, varga.range)).toBe('Varga, 2022');
    expect(varga.markdown).toBe('**Varga (2022)**\n\nNo entry in the reference list matches Varga (2022).');
    const bare = 'Catches fell by a fifth (Hartono, 2023).';
    expect(hoverAt(analyze(bare), bare.indexOf('Hartono'))!.markdown).toBe(
      '**Hartono (2023)**\n\nThe paper has no reference list (a References, Bibliography or Works Cited section) to look Hartono (2023) up in.',
    );
    const placeholder = 'Catches fell by a fifth (Author, Year).';
    expect(hoverAt(analyze(placeholder), placeholder.indexOf('Author'))!.markdown).toBe('**(Author, Year)**\n\nA citation placeholder: replace it with the source.');
  });

  it('goes to the reference entry; nothing for a citation without one', () => {
    expect(where(r, [citationDefinition(r, text.indexOf('Mensah, 2020'))!])).toEqual(['Mensah, A. (2020). Dredging Budgets in West Africa. Accra: Coastline Books.']);
    expect(where(r, [citationDefinition(r, text.indexOf('Okoro (2018)') + 8)!])).toEqual(['Okoro, N. (2018). The Case for Harbour Rules. Lagos: Delta House.']);
    expect(citationDefinition(r, text.indexOf('Varga'))).toBeNull();
    const loc = definition(r, 'file:///p.md', r.paper.lines.positionAt(text.indexOf('Lee and Park 2021')))!;
    expect(loc.range).toEqual({ start: { line: 8, character: 0 }, end: { line: 8, character: 71 } });
  });

  it('finds every citation of an entry, from a citation or from the entry itself', () => {
    const fromCitation = citationReferences(r, text.indexOf('Mensah (2020)'), true);
    expect(where(r, fromCitation)).toEqual(['Mensah, A. (2020). Dredging Budgets in West Africa. Accra: Coastline Books.', 'Mensah, 2020', 'Mensah (2020)']);
    const fromEntry = citationReferences(r, text.indexOf('Dredging Budgets'), false);
    expect(where(r, fromEntry)).toEqual(['Mensah, 2020', 'Mensah (2020)']);
    expect(fromCitation!.slice(1).map((l) => 'range' in l && lineOf(r, l.range.start))).toEqual([3, 4]);
    // an unmatched citation: the same authors and year elsewhere
    expect(where(r, citationReferences(r, text.indexOf('Varga'), true))).toEqual(['Varga, 2022']);
    // plain prose is neither
    expect(citationReferences(r, text.indexOf('Dredging costs'), true)).toBeNull();
  });
});

describe('author–year completion', () => {
  const paper = [
    'Dredging costs rose (Mensah, 2020). Okoro (2018) disagrees. Silt is costly (Lee and Park 2021).', // 1
    '',
    '## References', // 3
    '',
    'Lee, S. and Park, J. (2021). Silt and Spending. Port Studies 4: 1–12.',
    'Mensah, A. (2020). Dredging Budgets in West Africa. Accra: Coastline Books.',
    'Okoro, N. (2018). The Case for Harbour Rules. Lagos: Delta House.',
    'Varga, P., Novak, T. and Horvat, M. (2022). Sediment Markets. Zagreb: Adriatic Press.',
    'Smith, John (2019). Unreadable Names. London: Somewhere.',
  ].join('\n');
  const typing = (typed: string) => {
    const text = paper.replace('Silt is costly', `${typed} Silt is costly`);
    return { r: analyze(text), offset: text.indexOf(typed) + typed.length };
  };

  it('inside a parenthesis, offers the reference entries as the paper cites them, replacing what was typed', () => {
    const { r, offset } = typing('Ports dredge more (Me');
    const c = referenceCompletion(r, offset)!;
    expect(c.prefix).toBe('Me');
    expect(c.range).toEqual({ start: offset - 2, end: offset });
    // the paper's own forms for cited entries; a form read from the entry's authors for the uncited Varga entry;
    // "Smith, John" cannot be read with confidence and is left out
    expect(c.entries.map((e) => e.citation)).toEqual(['Lee and Park, 2021', 'Mensah, 2020', 'Okoro, 2018', 'Varga et al., 2022']);
    const second = typing('Ports dredge more (Mensah, 2020; ');
    expect(referenceCompletion(second.r, second.offset)!.range).toEqual({ start: second.offset, end: second.offset });
  });

  it('not outside a parenthesis, after its close, in a Pandoc or reference-less paper, or after a lower-case word', () => {
    for (const typed of ['Ports dredge more Me', 'Ports dredge (more) Me', 'Ports dredge (see Me']) {
      const { r, offset } = typing(typed);
      expect(referenceCompletion(r, offset), typed).toBeNull();
    }
    expect(referenceCompletion(analyze('Costs rose (Me'), 14)).toBeNull();
    const pos = (t: ReturnType<typeof typing>) => t.r.paper.lines.positionAt(t.offset);
    const t = typing('Ports dredge more (Ok');
    const items = completions(t.r, pos(t));
    expect(items.slice(0, 2).map((i) => [i.label, i.detail])).toEqual([
      ['Lee and Park, 2021', 'Lee, S. and Park, J. (2021). Silt and Spending. Port Studies 4: 1–12.'],
      ['Mensah, 2020', 'Mensah, A. (2020). Dredging Budgets in West Africa. Accra: Coastline Books.'],
    ]);
    expect(items.find((i) => i.label === 'Okoro, 2018')!.textEdit).toEqual({ range: { start: { line: 0, character: pos(t).character - 2 }, end: pos(t) }, newText: 'Okoro, 2018' });
    // acronyms are still offered after the entries
    expect(items.some((i) => i.label === 'RCEP')).toBe(true);
  });

  it('reads the authors of an entry as a citation names them, or not at all', () => {
    expect(citedForm('Mensah, A.')).toBe('Mensah');
    expect(citedForm('Lee, S. and Park, J.-W.')).toBe('Lee and Park');
    expect(citedForm('Brennan, T., Osei, K., & Lee, M.')).toBe('Brennan et al.');
    expect(citedForm('Zhang Xiaojun and Ma Xiaoqing')).toBe('Zhang Xiaojun and Ma Xiaoqing');
    expect(citedForm('World Bank')).toBe('World Bank');
    expect(citedForm('Smith, John')).toBeUndefined();
    expect(citedForm('Zhang Xiaojun, Ma Xiaoqing')).toBeUndefined();
  });
});

describe('footnote papers', () => {
  const text = [
    'Landings fell in the dry season.[^1] Prices held steady.[^2]', // 1
    '',
    'A later survey confirms the fall.[^1]', // 3
    '',
    '[^1]: Fisheries Board, *Landing Statistics 2023*, table 2.', // 5
    '    Revised figures follow in the spring.',
  ].join('\n');
  const r = analyze(text);

  it('hovers a reference: the footnote text and its line; an undefined one says so', () => {
    const h = hoverAt(r, text.indexOf('[^1]') + 1)!;
    expect(slice(r, h.range)).toBe('[^1]');
    expect(h.markdown).toBe('**Footnote \\[^1\\]** · line 5\n\nFisheries Board, Landing Statistics 2023, table 2.\nRevised figures follow in the spring.');
    const missing = hoverAt(r, text.indexOf('[^2]') + 2)!;
    expect(slice(r, missing.range)).toBe('[^2]');
    expect(missing.markdown).toBe('**Footnote \\[^2\\]**\n\nNo footnote definition `[^2]:` in the paper.');
  });

  it('goes to the definition and finds every reference, from a reference or from the definition', () => {
    expect(where(r, [citationDefinition(r, text.indexOf('[^1]'))!])).toEqual(['[^1]']);
    expect(lineOf(r, (citationDefinition(r, text.indexOf('[^1]')) as { range: { start: number } }).range.start)).toBe(5);
    const refs = citationReferences(r, text.indexOf('[^1]:') + 1, true)!;
    expect(refs.map((l) => 'range' in l && lineOf(r, l.range.start))).toEqual([5, 1, 3]);
    expect(where(r, citationReferences(r, text.indexOf('Landing Statistics'), false))).toEqual(['[^1]', '[^1]']);
    expect(citationDefinition(r, text.indexOf('[^2]'))).toBeNull();
  });
});

describe('numeric papers', () => {
  const text = [
    'Freezer prices halved [1]. Two programmes subsidised them [2, 3] and one failed [5].', // 1
    '',
    '## References', // 3
    '',
    '1. Wanjiru, P. (2022). Cheap Cold. Nairobi: Savannah Press.', // 5
    '2. Costa, R. (2021). Subsidy Design. Lisbon: Tagus Books.',
    '3. Nguyen, H. (2020). Freezers for All. Hanoi: River Press.',
  ].join('\n');
  const r = analyze(text);

  it('hovers a numeric citation: each numbered entry, or which number is missing', () => {
    const two = hoverAt(r, text.indexOf('[2, 3]') + 1)!;
    expect(slice(r, two.range)).toBe('[2, 3]');
    expect(two.markdown).toBe('**\\[2, 3\\]**\n\n**2.** Costa, R. (2021). Subsidy Design. Lisbon: Tagus Books. (line 6)\n\n**3.** Nguyen, H. (2020). Freezers for All. Hanoi: River Press. (line 7)');
    expect(hoverAt(r, text.indexOf('[5]') + 1)!.markdown).toBe('**\\[5\\]**\n\nNo numbered note or reference 5 in the paper (the numbered list ends at 3).');
    // the character after a citation is not on it
    expect(hoverAt(r, text.indexOf('[1]') + 3)).toBeNull();
  });

  it('goes to the numbered entry and finds the citations of an entry', () => {
    expect(where(r, [citationDefinition(r, text.indexOf('[1]') + 1)!])).toEqual(['1. Wanjiru, P. (2022). Cheap Cold. Nairobi: Savannah Press.']);
    expect(where(r, citationReferences(r, text.indexOf('Costa'), false))).toEqual(['[2, 3]']);
    expect(where(r, citationReferences(r, text.indexOf('[2, 3]') + 4, true))).toEqual(['2. Costa, R. (2021). Subsidy Design. Lisbon: Tagus Books.', '[2, 3]']);
    expect(citationDefinition(r, text.indexOf('[5]'))).toBeNull();
  });
});

describe('links', () => {
  const text = 'The board publishes [monthly landings](https://fish.example.org/landings_2024) and the [IPEF](https://example.org/ipef) text.';
  const r = analyze(text);

  it('hovers a link to a source with its address; an acronym in the link text keeps its own card', () => {
    const h = hoverAt(r, text.indexOf('monthly') + 1)!;
    expect(slice(r, h.range)).toBe('monthly landings');
    expect(h.markdown).toBe('**Linked source**\n\n[https://fish.example.org/landings\\_2024](<https://fish.example.org/landings_2024>)');
    expect(hoverAt(r, text.indexOf('IPEF') + 1)!.markdown).toMatch(/^\*\*IPEF\*\* · Indo-Pacific Economic Framework/);
    expect(citationDefinition(r, text.indexOf('monthly'))).toBeNull();
  });
});

describe('acronyms keep their navigation', () => {
  it('definition and references outside citations still go to acronyms', () => {
    const text = 'The Port Data Exchange (PDEX) links offices. PDEX grew (Mensah, 2020).';
    const r = analyze(text);
    const def = definition(r, 'file:///p.md', r.paper.lines.positionAt(text.indexOf('PDEX grew')))!;
    expect(slice(r, { start: r.paper.lines.offsetAt(def.range.start), end: r.paper.lines.offsetAt(def.range.end) })).toBe('PDEX');
    expect(references(r, 'file:///p.md', r.paper.lines.positionAt(text.indexOf('PDEX grew')), true)).toHaveLength(2);
  });

  it('an acronym in a link’s text or in an inline note is still an acronym for find references', () => {
    const text = 'The Port Data Exchange (PDEX) links offices. See the [PDEX charter](https://example.org/pdex).^[The PDEX board met twice.]';
    const r = analyze(text);
    const refsAt = (needle: string, plus: number) => references(r, 'file:///p.md', r.paper.lines.positionAt(text.indexOf(needle) + plus), true).map((l) => l.range.start.character);
    const all = [text.indexOf('PDEX)'), text.indexOf('PDEX charter'), text.indexOf('PDEX board')];
    expect(refsAt('PDEX charter', 1)).toEqual(all);
    expect(refsAt('PDEX board', 1)).toEqual(all);
    // elsewhere in the link's text, the link: every link to the same address
    expect(refsAt('charter', 1)).toEqual([text.indexOf('PDEX charter')]);
  });
});
