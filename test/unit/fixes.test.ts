import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../server/src/core/fixes';
import type { Finding } from '../../server/src/core/types';

const finding = (start: number, end: number, newText: string, isSafe = true, ruleId = 'acronym/misspelled'): Finding => ({
  ruleId,
  severity: 'warning',
  message: 'm',
  range: { start, end },
  related: [],
  fixes: [{ title: 't', edits: [{ range: { start, end }, newText }], isSafe }],
});

describe('applyFixes', () => {
  it('applies non-overlapping safe fixes from the end so offsets stay valid', () => {
    expect(applyFixes('aa BB cc DD', [finding(3, 5, 'XX'), finding(9, 11, 'Y')])).toMatchObject({ text: 'aa XX cc Y', applied: 2, skipped: 0, edits: [{ range: { start: 3, end: 5 }, newText: 'XX' }, { range: { start: 9, end: 11 }, newText: 'Y' }] });
  });
  it('skips unsafe fixes unless asked, and filters by rule', () => {
    expect(applyFixes('abc', [finding(0, 1, 'Z', false)]).text).toBe('abc');
    expect(applyFixes('abc', [finding(0, 1, 'Z', false)], { includeUnsafe: true }).text).toBe('Zbc');
    expect(applyFixes('abc', [finding(0, 1, 'Z', true, 'acronym/other')], { ruleId: 'acronym/misspelled' }).text).toBe('abc');
  });
  it('skips a fix that overlaps one already taken, or falls outside the text, whole', () => {
    expect(applyFixes('abcdef', [finding(1, 4, 'X'), finding(3, 5, 'Y'), finding(4, 99, 'Q')])).toMatchObject({ text: 'aXef', applied: 1, skipped: 2 });
  });
  it('applies a fix reported twice only once', () => {
    expect(applyFixes('ab', [finding(0, 1, 'Z'), finding(0, 1, 'Z')])).toMatchObject({ text: 'Zb', applied: 1, skipped: 0 });
  });
});
