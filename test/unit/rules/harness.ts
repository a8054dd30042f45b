import { expect } from 'vitest';
import { analyze } from '../../../server/src/core/analyze';
import { applyFixList } from '../../../server/src/core/fixes';
import { LineIndex } from '../../../server/src/core/text';
import { getRule } from '../../../server/src/rules/registry';

export interface Expected {
  /** [line, startCharacter, endCharacter], 0-based, UTF-16. */
  at: [number, number, number];
  message: string;
  /** The text after applying this finding's first fix (suggestions included). */
  output?: string;
  /** Fix titles, in order. */
  fixes?: string[];
  /** [line, startCharacter, endCharacter] of each related location. */
  related?: [number, number, number][];
}

export interface Case {
  name: string;
  md: string;
  expect: Expected[];
}

function only(ruleId: string) {
  const rule = getRule(ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  return [rule];
}

/** Runs one rule and asserts every finding exactly; then applies each fix and re-checks that the finding is gone. */
export function runCase(ruleId: string, c: Case): void {
  const result = analyze(c.md, { rules: only(ruleId) });
  const idx = new LineIndex(c.md);
  const at = (r: { start: number; end: number }): [number, number, number] => {
    const s = idx.positionAt(r.start);
    const e = idx.positionAt(r.end);
    expect(e.line, 'single-line range').toBe(s.line);
    return [s.line, s.character, e.character];
  };
  const got = result.findings.map((f) => ({
    at: at(f.range),
    message: f.message,
    ...(c.expect.some((x) => x.fixes) ? { fixes: f.fixes.map((x) => x.title) } : {}),
    ...(c.expect.some((x) => x.related) ? { related: f.related.map((r) => at(r.range)) } : {}),
  }));
  const want = c.expect.map(({ output: _o, ...rest }) => ({
    ...rest,
    ...(c.expect.some((x) => x.fixes) ? { fixes: rest.fixes ?? [] } : {}),
    ...(c.expect.some((x) => x.related) ? { related: rest.related ?? [] } : {}),
  }));
  expect(got).toEqual(want);
  c.expect.forEach((x, i) => {
    if (x.output === undefined) return;
    const f = result.findings[i];
    expect(f.fixes.length, 'finding has a fix').toBeGreaterThan(0);
    const fixed = applyFixList(c.md, [f.fixes[0]]).text;
    expect(fixed).toBe(x.output);
    // the fix removes this finding and adds none of this rule at that place
    const again = analyze(fixed, { rules: only(ruleId) }).findings;
    expect(again.length, `re-check of fixed text: ${JSON.stringify(again.map((g) => g.message))}`).toBeLessThan(result.findings.length);
  });
}
