import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, type AnalyzeOptions } from '../../server/src/core/analyze';
import { parseBibtex, parseCslJson, parseCslYaml } from '../../server/src/core/citations/bibliography';
import { bibliographyKeys, citationAt, citationsOf } from '../../server/src/core/citations/query';

const fixtures = join(__dirname, '..', 'fixtures');
const read = (f: string) => readFileSync(join(fixtures, f), 'utf8');
/** The loader the CLI and server inject: paths relative to the paper; undefined when unreadable. */
const loader = (files: Record<string, string>): AnalyzeOptions['readBibliography'] => (p) => files[p];
const fixtureLoader: AnalyzeOptions['readBibliography'] = (p) => {
  try {
    return read(p);
  } catch {
    return undefined;
  }
};
const citationFindings = (text: string, options: AnalyzeOptions = {}) =>
  analyze(text, options).findings.filter((f) => f.ruleId.startsWith('citation/')).map((f) => `${f.ruleId} ${text.slice(f.range.start, f.range.end)} | ${f.message}`);

describe('BibTeX', () => {
  it('reads entries, braces, quotes, @string macros, concatenation, accents and skips @comment', () => {
    const recs = parseBibtex(read('citations-refs.bib'), 'citations-refs.bib');
    expect(recs.map((r) => r.key)).toEqual(['brennan2019', 'zhang2023', 'wfc-stocks', 'müller2020']);
    expect(recs[0]).toMatchObject({ type: 'article', author: 'Brennan and Osei', year: '2019', venue: 'Journal of Food Policy', title: 'Bans and Booms: Export Restrictions in Food Markets' });
    expect(recs[1]).toMatchObject({ author: 'Zhang Xiaojun and Ma Xiaoqing', title: 'Export Bans in Asian Rice Markets' });
    expect(recs[2].author).toBe('World Food Council');
    expect(recs[3]).toMatchObject({ author: 'Müller', venue: 'Food Security in Asia' });
    expect(parseBibtex('@misc{a, title = "x" # { and } # y}\n@string{y = "why"}').length).toBe(1);
  });

  it('reports where an entry cannot be read', () => {
    expect(() => parseBibtex('@article{ok, title={Fine}}\n\n@book{broken, title = {Unclosed\n')).toThrow(/unbalanced "\{" \(line 3\)|not closed/);
    expect(() => parseBibtex('@article{x, title {No equals}}')).toThrow(/has no "="/);
  });
});

describe('CSL', () => {
  it('reads CSL-JSON and CSL-YAML', () => {
    expect(parseCslJson(read('citations-refs.json')).map((r) => `${r.key} ${r.author} ${r.year}`)).toEqual(['okonkwo2018 Okonkwo 2018', 'rahimova2022 Rahimova et al. 2022']);
    expect(parseCslYaml('references:\n  - id: ito2020\n    author: [{family: Ito}]\n    issued: {date-parts: [[2020]]}\n    title: Ports\n')).toMatchObject([{ key: 'ito2020', author: 'Ito', year: '2020', title: 'Ports' }]);
    expect(() => parseCslJson('{"id": 1}')).toThrow(/array/);
    expect(() => parseCslJson('[{"title": "no id"}]')).toThrow(/no "id"/);
  });
});

describe('Pandoc keys against the front-matter bibliography', () => {
  it('every key of the Pandoc fixture resolves through the injected loader', () => {
    const text = read('citations-pandoc.md');
    const result = analyze(text, { readBibliography: fixtureLoader });
    expect(result.ledgers.citations.bibliography.files.map((f) => [f.path, f.status, f.records])).toEqual([
      ['citations-refs.bib', 'ok', 4],
      ['citations-refs.json', 'ok', 2],
    ]);
    expect(result.findings.filter((f) => f.ruleId === 'citation/unknown-key')).toEqual([]);
    expect(bibliographyKeys(result).map((k) => k.key)).toEqual(['brennan2019', 'zhang2023', 'wfc-stocks', 'müller2020', 'okonkwo2018', 'rahimova2022']);
  });

  it('an unknown key is an error, with a suggestion for a near miss; [@TODO] is only a placeholder; without a loader keys are not checked', () => {
    const text = '---\nbibliography: refs.bib\n---\n\nExports grew [@brenan2019; @nobody] and @zhang2023 agrees [@TODO].';
    const files = { 'refs.bib': read('citations-refs.bib') };
    const result = analyze(text, { readBibliography: loader(files) });
    const unknown = result.findings.filter((f) => f.ruleId === 'citation/unknown-key');
    expect(unknown.map((f) => [text.slice(f.range.start, f.range.end), f.severity, f.message])).toEqual([
      ['@brenan2019', 'error', 'Citation key @brenan2019 is not in the bibliography (refs.bib); did you mean @brennan2019?'],
      ['@nobody', 'error', 'Citation key @nobody is not in the bibliography (refs.bib).'],
    ]);
    // the placeholder is no error: citation/placeholder reminds (information)
    expect(result.findings.filter((f) => f.ruleId === 'citation/placeholder').map((f) => f.severity)).toEqual(['information']);
    expect(unknown[0].fixes).toEqual([{ title: 'Replace with @brennan2019', edits: [{ range: { start: unknown[0].range.start + 1, end: unknown[0].range.end }, newText: 'brennan2019' }], isSafe: false }]);
    expect(citationFindings(text).filter((f) => !f.startsWith('citation/placeholder'))).toEqual([]);
  });

  it('a bibliography from settings is used when the front matter names none', () => {
    const text = 'Exports grew [@okonkwo2018; @ghost].';
    const result = analyze(text, { readBibliography: fixtureLoader, bibliography: ['citations-refs.json'] });
    expect(result.findings.map((f) => `${f.ruleId} ${text.slice(f.range.start, f.range.end)}`)).toEqual(['citation/unknown-key @ghost']);
  });

  it('inline front-matter references count as a bibliography', () => {
    const text = '---\nreferences:\n  - id: ito2020\n    title: Ports\n---\n\nPorts grew [@ito2020; @kato2021].';
    expect(citationFindings(text).filter((f) => f.startsWith('citation/unknown-key'))).toEqual(['citation/unknown-key @kato2021 | Citation key @kato2021 is not in the bibliography (the front matter).']);
  });

  it('an unreadable, unparsable or unsupported bibliography gets one clear message on its front-matter line, and keys are not checked', () => {
    const text = '---\ntitle: T\nbibliography:\n  - missing.bib\n  - broken.bib\n  - refs.ris\n---\n\nExports grew [@anything].';
    const result = analyze(text, { readBibliography: loader({ 'broken.bib': '@book{x, title = {open' }) });
    const got = result.findings.map((f) => [f.ruleId, f.severity, text.slice(f.range.start, f.range.end), result.paper.lines.positionAt(f.range.start).line, f.message]);
    expect(got).toEqual([
      ['citation/bibliography-error', 'error', 'missing.bib', 3, 'Cannot read the bibliography “missing.bib”; citation keys are not checked.'],
      ['citation/bibliography-error', 'error', 'broken.bib', 4, 'The bibliography “broken.bib” cannot be parsed: unbalanced "{" (line 1); citation keys are not checked.'],
      ['citation/bibliography-error', 'error', 'refs.ris', 5, 'The bibliography “refs.ris” is in a format Policy Lint does not read (only BibTeX (.bib), CSL-JSON (.json) and CSL-YAML (.yaml) bibliographies can be read); citation keys are not checked.'],
    ]);
  });

  it('a loader that throws is reported with its message, and nothing else breaks', () => {
    const text = '---\nbibliography: refs.bib\n---\n\nExports grew 40% [@x].';
    const result = analyze(text, {
      readBibliography: () => {
        throw new Error('EACCES: permission denied');
      },
    });
    expect(result.findings.map((f) => f.message)).toEqual(['Cannot read the bibliography “refs.bib”: EACCES: permission denied; citation keys are not checked.']);
  });
});

describe('editor helpers', () => {
  it('citationAt: an author–year item and its reference entry, a key and its record, a footnote and its definition, a number and its entry', () => {
    const ay = read('citations-author-year.md');
    const r1 = analyze(ay);
    const hit = citationAt(r1, ay.indexOf('Park Ji-won, 2021') + 2)!;
    expect(hit.item).toMatchObject({ authors: 'Park Ji-won', year: '2021' });
    expect(hit.reference?.text).toMatch(/^Park Ji-won \(2021\)\. “Rice Diplomacy/);
    expect(ay.slice(hit.target!.start, hit.target!.end)).toMatch(/^Park Ji-won \(2021\)/);
    // the second author of a multiple citation
    expect(citationAt(r1, ay.indexOf('Ma Xiaoqing, 2023'))!.reference?.authors).toBe('Zhang Xiaojun and Ma Xiaoqing');
    expect(citationAt(r1, ay.indexOf('Thailand shipped'))).toBeNull();

    const pd = read('citations-pandoc.md');
    const r2 = analyze(pd, { readBibliography: fixtureLoader });
    expect(citationAt(r2, pd.indexOf('@wfc-stocks') + 3)!.record).toMatchObject({ key: 'wfc-stocks', title: 'Regional Stock Monitor', year: '2021' });
    expect(citationAt(r2, pd.indexOf('@okonkwo2018'))!.record?.file).toBe('citations-refs.json');

    const fn = read('citations-footnotes.md');
    const r3 = analyze(fn);
    const note = citationAt(r3, fn.indexOf('[^fees]'))!;
    expect(note.item.label).toBe('fees');
    expect(fn.slice(note.target!.start, note.target!.end)).toBe('[^fees]');

    const nu = read('citations-numeric.md');
    const r4 = analyze(nu);
    expect(citationAt(r4, nu.indexOf('[2–4]') + 1)!.numbered?.text).toMatch(/^Ferreira/);
  });

  it('citationsOf: every citation of the same work, from a citation or from its reference entry', () => {
    const ay = read('citations-author-year.md');
    const r = analyze(ay);
    const fromCitation = citationsOf(r, ay.indexOf('Okonkwo (2018)'));
    expect(fromCitation.map((h) => ay.slice(h.marker.range.start, h.marker.range.end))).toEqual(['Okonkwo (2018)', 'Okonkwo (2018)']);
    const entry = ay.indexOf('Duarte, L. (2016)');
    expect(citationsOf(r, entry).length).toBe(2);
  });
});
