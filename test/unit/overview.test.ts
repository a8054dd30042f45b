import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/core/analyze';
import { paperOverview } from '../../server/src/server/features';

describe('paper overview data', () => {
  it('groups repeated figures by measure with their contradictions, and resolves citations', () => {
    const md = [
      'In 2022, Japan’s share of ASEAN’s inward FDI stock was 14.6% (Tanaka, 2021).',
      '',
      'By the end of 2022, Japan’s share of ASEAN’s inward FDI stock stood at 1.46% (Tanaka, 2021).',
      '',
      '## References',
      '',
      'Tanaka, K. (2021). *Investment in Southeast Asia*. Tokyo: Example Press.',
    ].join('\n');
    const o = paperOverview(analyze(md), 'file:///p.md', 3);
    expect(o.figures.map((f) => [f.mentions.map((m) => m.text), f.problems.map((p) => p.ruleId)])).toEqual([[['14.6%', '1.46%'], ['number/inconsistent-figure', 'number/inconsistent-figure']]]);
    expect(o.citations.map((c) => [c.label, c.reference?.slice(0, 18), c.range.start.line])).toEqual([
      ['(Tanaka, 2021)', 'Tanaka, K. (2021).', 0],
      ['(Tanaka, 2021)', 'Tanaka, K. (2021).', 2],
    ]);
  });
});
