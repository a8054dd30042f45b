import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/core/analyze';
import { rules } from '../../server/src/rules/registry';

/**
 * Real papers by others in ../shared (present on developer machines and CI, absent elsewhere: then skipped).
 * Their acronyms are defined properly, so the misspelling and wrong-expansion rules must stay silent there;
 * the reference paper carries planted-style defects that must be caught.
 */
const shared = join(__dirname, '..', '..', '..', 'shared');
const corpus = join(shared, 'corpus');
const seed = join(shared, 'seed', 'indo-pacific-cjk-trade.md');

const count = (text: string) => {
  const byRule: Record<string, number> = {};
  for (const f of analyze(text).findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  return byRule;
};

describe.skipIf(!existsSync(corpus))('real papers (../shared/corpus)', () => {
  const files = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.md')) : [];
  for (const file of files) {
    it(`${file}: no misspelled acronym or wrong expansion reported`, () => {
      const byRule = count(readFileSync(join(corpus, file), 'utf8'));
      expect({ misspelled: byRule['acronym/misspelled'] ?? 0, wrong: byRule['acronym/wrong-expansion'] ?? 0 }).toEqual({ misspelled: 0, wrong: 0 });
    });
  }
});

describe.skipIf(!existsSync(seed))('the reference paper (../shared/seed)', () => {
  it('catches the misspelled acronym (twice), the two wrong expansions, and nothing inconsistent', () => {
    const text = readFileSync(seed, 'utf8');
    const result = analyze(text);
    const of = (id: string) => result.findings.filter((f) => f.ruleId === id);
    expect(of('acronym/misspelled').map((f) => f.fixes[0].edits[0].newText)).toEqual(['IPEF', 'IPEF']);
    const wrong = of('acronym/wrong-expansion');
    expect(wrong).toHaveLength(2);
    // a glossed acronym that is another framework's name is fixed with the paper's own expansion
    expect(wrong[1].fixes[0]).toMatchObject({ isSafe: true, edits: [{ newText: 'Indo-Pacific Economic Framework' }] });
    expect(wrong[1].message).toMatch(/is the name of IPAC, not IPEF/);
  });
});

/**
 * The number rules on real papers. Every number finding on the corpus was judged a false alarm (the papers'
 * repeated figures agree: e.g. the Yale budget report's summary matches its body; "top three reasons", "four
 * pillars — …", ten numbered findings and "ten categories" followed by 0–9 are correct), so none may appear.
 */
const numberRules = rules.filter((r) => r.meta.id.startsWith('number/'));

describe.skipIf(!existsSync(corpus))('real papers: the number rules (../shared/corpus)', () => {
  const files = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.md')) : [];
  for (const file of files) {
    it(`${file}: no number finding`, () => {
      const findings = analyze(readFileSync(join(corpus, file), 'utf8'), { rules: numberRules }).findings;
      expect(findings.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    });
  }
});

describe.skipIf(!existsSync(seed))('the reference paper: the number rules (../shared/seed)', () => {
  it('catches the trade share restated with a slipped decimal point and the two shares of one whole over 100%, and nothing else', () => {
    const text = readFileSync(seed, 'utf8');
    const findings = analyze(text, { rules: numberRules }).findings;
    const at = (f: { range: { start: number; end: number } }) => text.slice(f.range.start, f.range.end);
    expect(findings.map((f) => `${f.ruleId} ${at(f)} → ${f.related.map(at).join(', ')}`)).toEqual([
      'number/inconsistent-figure 57.4% → 5.74%',
      'number/shares-exceed-total 57.4% → 56.6%',
      'number/inconsistent-figure 5.74% → 57.4%',
    ]);
    expect(findings[0].message).toMatch(/by a factor of 10 — a slipped decimal point\?/);
    expect(findings[0].fixes.map((x) => x.edits[0].newText)).toEqual(['5.74']);
    expect(findings[1].message).toMatch(/add up to 114%/);
  });
});

/**
 * The citation rules on real papers. The reference checks must stay silent (none of the corpus papers has a
 * reference list, footnotes or a numbered list that a citation overruns), except one missing-list finding for
 * the author–year chapter; the Pandoc paper's keys must all resolve against its .bib; the uncited claims the
 * corpus manifest lists must be found (by line: no corpus text is copied here).
 */
const citationRules = rules.filter((r) => r.meta.id.startsWith('citation/'));
const readBib = (dir: string) => (p: string) => {
  try {
    return readFileSync(join(dir, p), 'utf8');
  } catch {
    return undefined;
  }
};
const citationsOn = (file: string) => {
  const path = join(corpus, file);
  const bib = file.replace(/\.md$/, '.bib');
  const text = readFileSync(path, 'utf8');
  const result = analyze(text, { rules: citationRules, readBibliography: readBib(corpus), bibliography: existsSync(join(corpus, bib)) ? [bib] : undefined });
  return { text, result, lines: (id: string) => result.findings.filter((f) => f.ruleId === id).map((f) => result.paper.lines.positionAt(f.range.start).line + 1) };
};

describe.skipIf(!existsSync(corpus))('real papers: the citation rules (../shared/corpus)', () => {
  const files = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.md')) : [];
  for (const file of files) {
    it(`${file}: no reference-check finding except the one missing reference list of the author–year chapter`, () => {
      const { result } = citationsOn(file);
      const checks = result.findings.filter((f) => f.ruleId !== 'citation/uncited-claim').map((f) => f.ruleId);
      expect(checks).toEqual(file.startsWith('10-') ? ['citation/no-reference-list'] : []);
    });
  }

  it('the Pandoc paper: all 87 keys of its bibliography are cited and every cited key resolves', () => {
    const file = files.find((f) => f.startsWith('12-'))!;
    const { result } = citationsOn(file);
    const c = result.ledgers.citations;
    expect(c.style).toBe('pandoc');
    expect(c.bibliography.files.map((f) => f.status)).toEqual(['ok']);
    const cited = new Set(c.markers.flatMap((m) => m.items.map((i) => i.key)).filter((k): k is string => k !== undefined));
    expect(cited.size).toBe(87);
    expect([...cited].filter((k) => !c.bibliography.records.has(k))).toEqual([]);
    expect(c.bibliography.keys.length).toBe(87);
  });

  it('finds the uncited claims the manifest lists (by line)', () => {
    const at = (prefix: string) => citationsOn(files.find((f) => f.startsWith(prefix))!).lines('citation/uncited-claim');
    expect(at('01-')).toContain(389); // two aid figures stranded with no source
    const uk = citationsOn(files.find((f) => f.startsWith('03-'))!).result;
    const line19 = uk.findings.filter((f) => uk.paper.lines.positionAt(f.range.start).line === 18).map((f) => f.message.split(' ').slice(0, 2).join(' '));
    expect(line19).toEqual(expect.arrayContaining(['Uncited superlative', 'Uncited quotation'])); // the superlative and the quoted Lords debate
    expect(at('04-')).toContain(17); // a share of world GDP
    expect(at('08-')).toContain(5); // a share of world production
    expect(at('10-')).toContain(5); // the executive summary's figure and superlative, cited only later
  });
});

describe.skipIf(!existsSync(seed))('the reference paper: the citation rules (../shared/seed)', () => {
  it('reports its author–year citations without a reference list once', () => {
    const text = readFileSync(seed, 'utf8');
    const findings = analyze(text, { rules: citationRules }).findings.filter((f) => f.ruleId !== 'citation/uncited-claim');
    expect(findings.map((f) => f.ruleId)).toEqual(['citation/no-reference-list']);
  });
});
