import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/core/analyze';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sentenceClaims, exemptSentence, namesSource, CLAIM_PATTERN_HINTS } from '../../server/src/core/citations/claims';

/** Every citation marker of a text, as "kind text → items". */
function markers(text: string): string[] {
  const { ledgers } = analyze(text, { rules: [] });
  return ledgers.citations.markers.map((m) => {
    const items = m.items
      .map((i) => (i.authors !== undefined ? `${i.authors}|${i.year}` : i.key !== undefined ? `@${i.suppressAuthor ? '-' : ''}${i.key}` : i.number !== undefined ? `#${i.number}` : i.label !== undefined ? `^${i.label}` : i.url ?? ''))
      .join('; ');
    return `${m.kind} ${text.slice(m.range.start, m.range.end)}${items ? ` → ${items}` : ''}${m.weak ? ' (label)' : ''}`;
  });
}

describe('recognising citations', () => {
  it('author–year: several at once, et al., pages, 2020a, n.d., organisations, prefixes and CJK full names', () => {
    expect(markers('Trade grew (Ye Hailin, 2022; Ou Dingyu, Hou Siyao, 2023). It fell (see Smith and Jones 2021, p. 14; Lindqvist et al., 2020a, b; World Bank n.d.) and rose (OECD 2019: 33).')).toEqual([
      'author-year (Ye Hailin, 2022; Ou Dingyu, Hou Siyao, 2023) → Ye Hailin|2022; Ou Dingyu, Hou Siyao|2023',
      'author-year (see Smith and Jones 2021, p. 14; Lindqvist et al., 2020a, b; World Bank n.d.) → Smith and Jones|2021; Lindqvist et al.|2020a; Lindqvist et al.|2020b; World Bank|n.d.',
      'author-year (OECD 2019: 33) → OECD|2019',
    ]);
  });

  it('author–year with full-width CJK punctuation and Han-character names', () => {
    expect(markers('贸易增长（张晓军，2023；李明，2021）。')).toEqual(['author-year （张晓军，2023；李明，2021） → 张晓军|2023; 李明|2021']);
  });

  it('narrative: "Smith (2020) argues", several authors, possessives; labels are marked', () => {
    expect(markers('As Okafor and Lim (2024) estimate, and Sato’s (2021) model shows, Zhang Xiaojun and Ma Xiaoqing (2023, p. 4) agree.\n\n**Huawei** (2019): listed.')).toEqual([
      'narrative Okafor and Lim (2024) → Okafor and Lim|2024',
      'narrative Sato’s (2021) → Sato|2021',
      'narrative Zhang Xiaojun and Ma Xiaoqing (2023, p. 4) → Zhang Xiaojun and Ma Xiaoqing|2023',
      'narrative Huawei** (2019) → Huawei|2019 (label)',
    ]);
  });

  it('not citations: dates, periods, documents, sections, money and ordinary parentheses', () => {
    expect(markers('It entered into force (January 2015) under the CHIPS Act (2022), Made in China 2025 (2015), Section 301 (2018) and Phase Two (2021–2024) for (USD 5 billion, 2023) in (Q3 2023) (1949-1994) (see Figure 2) (Japan, March 2023).')).toEqual([]);
  });

  it('Pandoc: [@key], locators, prefixes, several keys, suppressed author, narrative @key; not e-mail addresses', () => {
    expect(markers('Grew [@lee2020, p. 3] and [see @a; @b, chap. 2] and [-@kim_2019]. As @ito:2021 shows. Write to desk@example.org.')).toEqual([
      'pandoc [@lee2020, p. 3] → @lee2020',
      'pandoc [see @a; @b, chap. 2] → @a; @b',
      'pandoc [-@kim_2019] → @-kim_2019',
      'pandoc @ito:2021 → @ito:2021',
    ]);
  });

  it('footnotes (defined and undefined), Pandoc inline notes, numeric citations and links', () => {
    expect(markers('Fell.[^1] Rose.[^none] Grew.^[A note with [nested] brackets.] Cut [2–4] and [1, 6]. Up.<sup>7</sup> Down.^8^ See [the data](https://example.org/d).\n\n[^1]: Source.')).toEqual([
      'footnote [^1] → ^1',
      'footnote [^none] → ^none',
      'inline-note ^[A note with [nested] brackets.]',
      'numeric [2–4] → #2; #3; #4',
      'numeric [1, 6] → #1; #6',
      'numeric 7 → #7',
      'numeric ^8^ → #8',
      'link the data → https://example.org/d',
    ]);
  });

  it('the paper’s style decides the quick-fix placeholder', () => {
    const style = (t: string) => analyze(t, { rules: [] }).ledgers.citations.style;
    expect(style('A (Lee, 2020). B (Kim 2021).')).toBe('author-year');
    expect(style('A [@lee2020]. B.')).toBe('pandoc');
    expect(style('A.[^1] B.[^2]\n\n[^1]: x\n\n[^2]: y')).toBe('footnote');
    expect(style('A [1]. B [2].')).toBe('numeric');
    expect(style('A [x](https://e.org).')).toBe('link');
    expect(style('Nothing cited.')).toBe('none');
  });
});

describe('claims that need a source', () => {
  const kinds = (s: string) => sentenceClaims(s).map((c) => `${c.kind}: ${s.slice(c.start, c.end)}`);

  it('statistics: money, percentages, counts, ratios, rankings, growth', () => {
    expect(kinds('Trade reached US$2.6 trillion, or 14.6 per cent of output.')).toEqual(['statistic: US$2.6 trillion', 'statistic: 14.6 per cent']);
    expect(kinds('About 1,200 firms moved, some 40 plants closed and 5,000 workers left.')).toEqual(['statistic: About 1,200 firms', 'statistic: some 40 plants', 'statistic: 5,000 workers']);
    expect(kinds('Sales rose fivefold; two-thirds of all exports go north; one in ten ships is late.')).toEqual(['statistic: fivefold', 'statistic: two-thirds', 'statistic: one in ten']);
    expect(kinds('Korea is its third-largest market and ranked 5th in 2020.')).toEqual(['statistic: third-largest', 'statistic: ranked 5th']);
    expect(kinds('Capacity is 10 GW and output 38 Mt.')).toEqual(['statistic: 10 GW', 'statistic: 38 Mt']);
  });

  it('not statistics: years, labels, codes, small counts, durations, ranges of years, list numbers', () => {
    expect(kinds('In 2021, Section 232 and Article XXI, HS 8507 and code 333242 covered 14 partners and three pillars over 18 months during 2018–2023 (Table 2, No. 11).')).toEqual([]);
    expect(kinds('The 5G and COVID-19 rules from G20 meetings took 30 years.')).toEqual([]);
  });

  it('superlatives and records; not opinions, idioms or group names', () => {
    expect(kinds('It is the world’s largest free trade zone.')).toEqual(['superlative: world’s largest']);
    expect(kinds('Exports hit a record high, the highest ever, for the first time since 1995.')).toEqual(['superlative: a record', 'superlative: highest ever', 'superlative: for the first time since 1995']);
    expect(kinds('The biggest challenge is the largest possible deal at the highest levels of government, the lowest common denominator.')).toEqual([]);
    expect(kinds('The smallest importers suffered, and the poorest households waited.')).toEqual([]);
    expect(kinds('It joined for the first time in June 2022.')).toEqual([]);
  });

  it('attributions with no named source', () => {
    expect(kinds('Experts argue that the pact is weak.')).toEqual(['attribution: Experts argue']);
    expect(kinds('The pact, many analysts believe, is weak.')).toEqual(['attribution: many analysts believe']);
    expect(kinds('It is widely believed that the pact is weak, according to officials.')).toEqual(['attribution: It is widely believed', 'attribution: according to officials']);
    expect(kinds('The pact is reportedly weak.')).toEqual(['attribution: reportedly']);
    expect(kinds('IMF economists argue the pact is weak.')).toEqual([]);
  });

  it('sentences that are not claims, and sources named in words', () => {
    for (const s of ['Governments should cut tariffs by 20%.', 'This paper analyses 40 agreements.', 'We find a 12% effect.', 'It is perhaps the largest reform.', 'If tariffs rise, exports would fall 9%.', 'Create a fund of $5 billion.', 'In our view, trade fell 5%.']) expect(exemptSentence(s), s).toBe(true);
    for (const s of ['According to the World Bank, 40% farm.', 'IMF data show 5% growth.', 'A 2024 analysis by Bernstein Research found 15%.', 'Exports rose 7% (see Figure 2).', 'As Table 3 shows, 40% farm.', 'USTR estimated costs of $50 billion.']) expect(namesSource(s), s).toBe(true);
    for (const s of ['According to officials, 40% farm.', 'The data show 5% growth.', 'Official figures show 5% growth.']) expect(namesSource(s), s).toBe(false);
  });
});

describe('claim patterns: the hints that let a sentence skip them', () => {
  // every sentence of the project's papers and fixtures, and of ../shared's papers where present, with sentences
  // written to reach each pattern's every branch
  const root = join(__dirname, '..', '..');
  const dirs = [join(root, 'examples'), join(root, 'test', 'fixtures'), join(root, '..', 'shared', 'corpus'), join(root, '..', 'shared', 'seed')];
  const papers = dirs.filter((d) => existsSync(d)).flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(d, f), 'utf8')));
  const written = [
    'According to the 2023 survey by Lowy Institute, trade grew.',
    'according to data from the IMF, exports fell.',
    'World Bank data show a rise; the Merdeka Center’s 2022 survey agrees.',
    'Figures compiled by the ASEAN Secretariat and numbers from UNCTAD differ.',
    'The shares were surveyed by ISEAS and tracked by the OECD.',
    'The Asian Development Bank (ADB) estimated the gap; USTR reports it.',
    'See Figure 2.1, cf. Table 3; Table 4 shows the rest (Fig. 5).',
    'China became the second-largest partner and ranks fifth; it ranked No. 3.',
    'It is the world’s largest port and its most valuable export, the busiest in Asia.',
    'Exports hit a new record and reached record highs; an all-time low; the highest ever.',
    'For the first time since 1998, and for the first  time in over twenty years, it fell: first time since 2001.',
    'THE LARGEST PARTNER, A RECORD YEAR.',
  ];
  const sentences = [...written, ...papers.flatMap((p) => analyze(p).paper.blocks.flatMap((b) => b.sentences.map((s) => s.text)))];

  it('every sentence a pattern matches contains its hint', () => {
    let matched = 0;
    for (const { pattern, hint } of CLAIM_PATTERN_HINTS) {
      const whole = new RegExp(pattern.source, pattern.flags.replace('g', ''));
      for (const s of sentences) {
        if (!whole.test(s)) continue;
        matched++;
        expect(hint.test(s), `${pattern.source.slice(0, 40)}… matches ${JSON.stringify(s)} without its hint`).toBe(true);
      }
    }
    // each of the written sentences is matched by some pattern
    for (const s of written) expect(CLAIM_PATTERN_HINTS.some(({ pattern }) => new RegExp(pattern.source, pattern.flags.replace('g', '')).test(s)), s).toBe(true);
    expect(matched).toBeGreaterThan(written.length);
  });
});
