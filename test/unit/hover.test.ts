import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/core/analyze';
import { hoverAt } from '../../server/src/core/hover';

const md = [
  'The Indo-Pacific Economic Framework (IPEF) has fourteen partners.',
  '',
  'The Ocean Data Compact (ODC) is a pilot. The Quad met; so did the World Bank. IPEF talks resumed.',
  '',
  'The ZZQ is unknown.',
].join('\n');

describe('hover cards', () => {
  const result = analyze(md);
  const at = (needle: string, from = 0) => md.indexOf(needle, from) + 1;

  it('shows the knowledge-base card and the paper’s own definition for a known acronym', () => {
    const h = hoverAt(result, at('IPEF talks'))!;
    expect(md.slice(h.range.start, h.range.end)).toBe('IPEF');
    const card = h.markdown.split('\n\n');
    expect(card[0]).toBe('**IPEF** · Indo-Pacific Economic Framework for Prosperity');
    expect(card[1]).toMatch(/^\*Economic framework · established 23 May 2022\*$/);
    expect(card[2]).toMatch(/^\*\*Members \(14, as of .+\):\*\* Australia, Brunei, Fiji, India, Indonesia, Japan, /);
    expect(h.markdown).toContain('**In this paper:** defined as “Indo-Pacific Economic Framework” (line 1) · used 1 time');
    expect(card[card.length - 1]).toMatch(/^\[Source\]\(https:\/\/.+\)$/);
  });

  it('shows the paper’s definition for an acronym the knowledge base does not know', () => {
    const h = hoverAt(result, at('ODC) is'))!;
    expect(h.markdown).toBe('**ODC**\n\n**In this paper:** defined as “Ocean Data Compact” (line 3)');
  });

  it('recognises mixed-case short names and full names of frameworks', () => {
    const quad = hoverAt(result, at('Quad'))!;
    expect(md.slice(quad.range.start, quad.range.end)).toBe('Quad');
    expect(quad.markdown.split('\n\n')[0]).toBe('**Quad** · Quadrilateral Security Dialogue');
    const wb = hoverAt(result, at('World Bank') + 7)!;
    expect(md.slice(wb.range.start, wb.range.end)).toBe('World Bank');
    expect(wb.markdown.split('\n\n')[0]).toBe('**WBG** · World Bank Group');
  });

  it('returns nothing for unknown, undefined acronyms and plain words', () => {
    expect(hoverAt(result, at('ZZQ'))).toBeNull();
    expect(hoverAt(result, at('pilot'))).toBeNull();
  });

  it('shows what a figure measures and the other mentions of the same measure, with their lines', () => {
    const text = 'In 2022, Japan’s share of ASEAN’s inward FDI stock was 14.6%.\n\nAt the end of 2022, Japan’s share of ASEAN’s inward FDI stock was 1.46%.';
    const r = analyze(text);
    const h = hoverAt(r, text.indexOf('1.46') + 1)!;
    expect(text.slice(h.range.start, h.range.end)).toBe('1.46%');
    expect(h.markdown).toBe('**1.46%** · ' + r.ledgers.figures.figureAt(text.indexOf('1.46'))!.measure + '\n\n**Other mentions of this measure:**\n\n- 14.6% (line 1)');
  });
});
