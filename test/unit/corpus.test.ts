import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/core/analyze';

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
