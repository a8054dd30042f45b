import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/core/analyze';
import { applyFixes } from '../../server/src/core/fixes';

const examples = join(__dirname, '..', '..', 'examples');
const read = (f: string) => readFileSync(join(examples, f), 'utf8');
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

describe('bundled example papers', () => {
  it('the example paper: every planted acronym defect is found, and nothing else', () => {
    const text = read('trade-frameworks-paper.md');
    const got = analyze(text).findings.map((f) => `${lineOf(text, f.range.start)} ${f.ruleId} ${text.slice(f.range.start, f.range.end)}`);
    expect(got).toEqual([
      '25 acronym/wrong-expansion Comprehensive and Progressive Agreement for Trans-Pacific Partnership',
      '27 number/inconsistent-figure 14.6%',
      '33 citation/uncited-claim Experts argue',
      '35 acronym/used-before-definition JBIC',
      '37 acronym/wrong-expansion Asia Green Transition Council',
      '45 number/shares-exceed-total 44%',
      '70 citation/uncited-claim the largest',
      '70 acronym/misspelled RECP',
      '78 citation/missing-reference (Hartono, 2023)',
      '78 number/kb-contradiction 16 RCEP parties',
      '84 citation/uncited-claim around 15,000 affiliates',
      '86 acronym/undefined SAMIP',
      '86 acronym/misspelled APPEC',
      '90 number/list-count-mismatch four priorities',
      '92 acronym/wrong-expansion Supply Chain Reform Initiative',
      '93 acronym/redefined Asia-Pacific Economic Cooperation (APEC)',
      '96 acronym/inconsistent-expansion Regional Mining Policy Forum',
      '98 number/inconsistent-figure 1.46%',
      '116 citation/unused-reference Holloway, P. (2019).',
    ]);
  });

  it('the example paper: the planted citation defects (D13–D17) are found with their messages, and no other citation finding', () => {
    const text = read('trade-frameworks-paper.md');
    const got = analyze(text).findings.filter((f) => f.ruleId.startsWith('citation/'));
    expect(got.map((f) => `${lineOf(text, f.range.start)} ${f.ruleId} ${f.severity} ${f.message}`)).toEqual([
      '33 citation/uncited-claim information Unsupported attribution “Experts argue”: name the source and cite it.',
      '70 citation/uncited-claim information Uncited superlative “the largest”: a record or superlative claim needs a source in the same sentence.',
      '78 citation/missing-reference warning No entry for Hartono (2023) in the reference list.',
      '84 citation/uncited-claim information Uncited statistic “around 15,000 affiliates”: cite the source of this figure in the same sentence.',
      '116 citation/unused-reference warning Holloway, P. (2019) is in the reference list but never cited in the text.',
    ]);
    // the quick fix on an uncited claim inserts a placeholder in the paper's author–year style, as a suggestion only
    const d13 = got[3];
    expect(d13.fixes).toEqual([{ title: 'Insert a citation placeholder (Author, Year)', edits: [{ range: expect.anything(), newText: ' (Author, Year)' }], isSafe: false }]);
    const at = d13.fixes[0].edits[0].range.start;
    expect(text.slice(at - 12, at + 1)).toBe('SME clusters.'); // before the sentence's full stop
  });

  it('the example paper: the planted number defects (D9–D12) are found with their messages, and no other number finding', () => {
    const text = read('trade-frameworks-paper.md');
    const got = analyze(text).findings.filter((f) => f.ruleId.startsWith('number/'));
    expect(got.map((f) => `${lineOf(text, f.range.start)} ${f.ruleId} ${text.slice(f.range.start, f.range.end)} | ${f.related.map((r) => lineOf(text, r.range.start)).join(',')}`)).toEqual([
      '27 number/inconsistent-figure 14.6% | 98',
      '45 number/shares-exceed-total 44% | 45',
      '78 number/kb-contradiction 16 RCEP parties | ',
      '90 number/list-count-mismatch four priorities | 92',
      '98 number/inconsistent-figure 1.46% | 27',
    ]);
    expect(got[0].message).toMatch(/differs from “1\.46%” on line 98 by a factor of 10/);
    expect(got[1].message).toMatch(/add up to 105%/);
    expect(got[2].message).toMatch(/RCEP has 15 members .* never 16/);
    expect(got[3].message).toMatch(/announces 4, but the list that follows has 5 items/);
    // number fixes are suggestions: never applied by --fix
    expect(got.flatMap((f) => f.fixes).every((x) => !x.isSafe)).toBe(true);
  });

  it('the clean paper has no number findings', () => {
    expect(analyze(read('clean-paper.md')).findings.filter((f) => f.ruleId.startsWith('number/'))).toEqual([]);
  });

  it('the clean paper has no findings', () => {
    expect(analyze(read('clean-paper.md')).findings).toEqual([]);
  });

  it('safe fixes on the example paper remove their findings, add none, and a second pass changes nothing', () => {
    const text = read('trade-frameworks-paper.md');
    const before = analyze(text).findings;
    const once = applyFixes(text, before);
    expect(once.applied).toBe(3);
    const after = analyze(once.text).findings;
    const key = (f: { ruleId: string; message: string }) => `${f.ruleId} ${f.message}`;
    // the three fixed findings are gone; the only new finding is a hint (the corrected gloss now repeats a definition)
    const fresh = after.filter((f) => !before.map(key).includes(key(f)));
    expect(fresh.map((f) => [f.ruleId, f.severity])).toEqual([['acronym/redefined', 'hint']]);
    expect(after.length - fresh.length).toBe(before.length - 3);
    expect(applyFixes(once.text, after).applied).toBe(0);
  });
});
