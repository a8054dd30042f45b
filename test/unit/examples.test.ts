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
      '35 acronym/used-before-definition JBIC',
      '37 acronym/wrong-expansion Asia Green Transition Council',
      '70 acronym/misspelled RECP',
      '86 acronym/undefined SAMIP',
      '86 acronym/misspelled APPEC',
      '92 acronym/wrong-expansion Supply Chain Reform Initiative',
      '93 acronym/redefined Asia-Pacific Economic Cooperation (APEC)',
      '96 acronym/inconsistent-expansion Regional Mining Policy Forum',
    ]);
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
