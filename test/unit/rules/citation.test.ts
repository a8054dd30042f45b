import { describe, it } from 'vitest';
import { runCase, type Case } from './harness';

/** Table tests: own sentences, exact ranges [line, startChar, endChar], messages, fix titles and fixed text. */
const table: Record<string, Case[]> = {
  'citation/uncited-claim': [
    {
      name: 'a statistic with no citation; the fix inserts an author–year placeholder before the full stop',
      md: 'Ports handled 41 million containers (Osei, 2021). Japanese firms run around 15,000 affiliates in the region.',
      expect: [{
        at: [0, 69, 93],
        message: 'Uncited statistic “around 15,000 affiliates”: cite the source of this figure in the same sentence.',
        fixes: ['Insert a citation placeholder (Author, Year)'],
        output: 'Ports handled 41 million containers (Osei, 2021). Japanese firms run around 15,000 affiliates in the region (Author, Year).',
      }],
    },
    {
      name: 'money, percentages, growth, ratios and rankings are statistics',
      md: 'Aid reached $4.2 billion. Exports grew by 12.5%. One in five firms exported. Output doubled. Korea became its fourth-largest partner.',
      expect: [
        { at: [0, 12, 24], message: 'Uncited statistic “$4.2 billion”: cite the source of this figure in the same sentence.' },
        { at: [0, 42, 47], message: 'Uncited statistic “12.5%”: cite the source of this figure in the same sentence.' },
        { at: [0, 49, 60], message: 'Uncited statistic “One in five”: cite the source of this figure in the same sentence.' },
        { at: [0, 84, 91], message: 'Uncited statistic “doubled”: cite the source of this figure in the same sentence.' },
        { at: [0, 110, 124], message: 'Uncited statistic “fourth-largest”: cite the source of this figure in the same sentence.' },
      ],
    },
    {
      name: 'a superlative and a record, in a Pandoc paper: the placeholder is [@TODO]',
      md: 'Trade grew [@lee2024]. Vietnam is the largest supplier of rice. Exports hit a record high for the first time since 1995.',
      expect: [
        {
          at: [0, 34, 45],
          message: 'Uncited superlative “the largest”: a record or superlative claim needs a source in the same sentence.',
          fixes: ['Insert a citation placeholder [@TODO]'],
          output: 'Trade grew [@lee2024]. Vietnam is the largest supplier of rice [@TODO]. Exports hit a record high for the first time since 1995.',
        },
        {
          at: [0, 76, 84],
          message: 'Uncited superlative “a record”: a record or superlative claim needs a source in the same sentence.',
          fixes: ['Insert a citation placeholder [@TODO]'],
        },
      ],
    },
    {
      name: 'a quotation and an attribution, in a footnote paper: the fix adds a footnote',
      md: 'Tariffs fell.[^1] The minister said that “our farmers will never again depend on one buyer.” Experts say the deal is fragile.\n\n[^1]: Customs data, 2023.',
      expect: [
        {
          at: [0, 41, 92],
          message: 'Uncited quotation “our farmers will never again depend on one buyer.”: cite whose words these are.',
          fixes: ['Insert a footnote for the source ([^2])'],
          output: 'Tariffs fell.[^1] The minister said that “our farmers will never again depend on one buyer.”[^2] Experts say the deal is fragile.\n\n[^1]: Customs data, 2023.\n\n[^2]: Source: TODO.\n',
        },
        {
          at: [0, 93, 104],
          message: 'Unsupported attribution “Experts say”: name the source and cite it.',
          fixes: ['Insert a footnote for the source ([^2])'],
        },
      ],
    },
    {
      name: 'a dated event with a figure',
      md: 'In May 2022 the bank pledged $300 million for new silos.',
      expect: [{ at: [0, 29, 41], message: 'Uncited dated event “$300 million”: cite the source for this event and its figure.' }],
    },
    {
      name: 'a citation later in the paragraph does not cover an earlier sentence (D13/D14 style)',
      md: 'Indonesia hosts the largest cluster of smelters. Its plants add 10 GW of capacity (Okafor, 2024).',
      expect: [{ at: [0, 16, 27], message: 'Uncited superlative “the largest”: a record or superlative claim needs a source in the same sentence.' }],
    },
    {
      name: 'valid: citations in every style cover their sentence',
      md: 'Exports grew 12% (Lee and Park 2022). Imports fell 8% [3]. Tariffs rose 5%.[^a] Prices fell 4% [@kim2020]. Aid rose 9% ^[Budget data.]. Output grew 3% according to the [ministry](https://example.org/stats).\n\n[^a]: A note.',
      expect: [],
    },
    {
      name: 'valid: a narrative citation, a named source and a figure reference cover their sentence',
      md: 'Okafor and Lim (2024) estimate 38 Mt of emissions. According to the World Bank, 40% of households farm. Exports rose 7% (see Figure 2).',
      expect: [],
    },
    {
      name: 'valid: recommendations, own framing, hedges, hypotheticals, headings, titles, code and table headers',
      md: '# Trade grew 40% in 2023\n\nGovernments should cut tariffs by 20%. We estimate a gain of $2 billion. It is perhaps the largest reform yet. If tariffs rise, exports would fall 9%. The report “Growth of 50% in One Decade” is dated. The column `share 45%` is raw.\n\n| Growth 12% | Share 30% |\n|---|---|\n| a | b |',
      expect: [],
    },
    {
      name: 'valid: years, section numbers, small counts, durations, list items and numbers inside citations',
      md: 'Since 2015, Section 2 and Table 3 have covered 14 partners over 18 months (World Bank, 2021, pp. 33–45).\n\nMembers set these goals:\n\n1. A 30% cut in tariffs.',
      expect: [],
    },
    {
      name: 'valid: scare quotes and quoted names are not quotations',
      md: 'Japan calls it “economic security”, and the “small yard, high fence” approach is spreading.',
      expect: [],
    },
  ],
  'citation/missing-reference': [
    {
      name: 'an author–year citation with no entry, and one item of a multiple citation',
      md: 'Exports grew (Hartono, 2023). Imports fell (Lee, 2020; Cruz et al., 2019, p. 4).\n\n## References\n\nLee, J. (2020). *Imports*. Seoul: Hanbit.',
      expect: [
        { at: [0, 13, 28], message: 'No entry for Hartono (2023) in the reference list.', related: [[2, 0, 13]] },
        { at: [0, 55, 72], message: 'No entry for Cruz et al. (2019) in the reference list.', related: [[2, 0, 13]] },
      ],
    },
    {
      name: 'a narrative citation with no entry; a placeholder is left to citation/placeholder',
      md: 'Okafor (2024) argues the reverse. Prices doubled (Author, Year).\n\n## References\n\nLee, J. (2020). *Imports*. Seoul: Hanbit.',
      expect: [{ at: [0, 0, 13], message: 'No entry for Okafor (2024) in the reference list.' }],
    },
    {
      name: 'valid: CJK full names, organisations, et al., 2020a, n.d., pages and several at once',
      md: 'Trade rose (Zhang Xiaojun, Ma Xiaoqing, 2023; World Bank 2021a, p. 3). Ye Hailin (2022) and Smith et al. (2019) agree (OECD, n.d.).\n\n## Bibliography\n\nZhang Xiaojun, Ma Xiaoqing (2023). *Trade*. Beijing.\n\nWorld Bank. 2021a. *Report*. Washington.\n\nYe Hailin (2022). “Asia.” *Review* 3.\n\nSmith, A., Jones, B. and Wu, C. (2019). *Ports*. London.\n\nOECD (n.d.). *Database*. Paris.',
      expect: [],
    },
    { name: 'valid: no reference list at all (citation/no-reference-list covers it)', md: 'Exports grew (Hartono, 2023).', expect: [] },
  ],
  'citation/unused-reference': [
    {
      name: 'an entry never cited',
      md: 'Exports grew (Lee, 2020).\n\n## Works Cited\n\nLee, J. (2020). *Exports*. Seoul: Hanbit.\n\nHolm, P. (2018). *Ports*. Oslo: Fjord.',
      expect: [{ at: [6, 0, 16], message: 'Holm, P. (2018) is in the reference list but never cited in the text.' }],
    },
    {
      name: 'entries on consecutive lines of one paragraph are separate entries',
      md: 'Exports grew (Lee, 2020).\n\n## References\n\nLee, J. (2020). *Exports*. Seoul.\nHolm, P. (2018). *Ports*. Oslo.',
      expect: [{ at: [5, 0, 16], message: 'Holm, P. (2018) is in the reference list but never cited in the text.' }],
    },
    { name: 'valid: a list none of whose entries is cited is further reading', md: 'Trade is complex.\n\n## References\n\nHolm, P. (2018). *Ports*. Oslo.', expect: [] },
  ],
  'citation/no-reference-list': [
    {
      name: 'three or more works cited author–year and no reference list: one finding',
      md: 'Exports grew (Lee, 2020). Imports fell (Cruz 2019; Ito 2021). Prices rose (Lee, 2020).',
      expect: [{ at: [0, 13, 24], message: 'The paper cites 3 works in author–year form (the first here) but has no reference list; add a References section that lists them.' }],
    },
    { name: 'valid: two works only', md: 'Exports grew (Lee, 2020). Imports fell (Cruz 2019).', expect: [] },
    { name: 'valid: labels such as "Phase One (2020):" are not citations', md: 'Phase One (2020): tariffs cut.\n\n**Initial Escalation (2018)**\n\n- **Huawei** (2019): listed.', expect: [] },
  ],
  'citation/undefined-footnote': [
    {
      name: 'a reference with no definition',
      md: 'Tariffs fell.[^1] Quotas rose.[^missing]\n\n[^1]: Customs data.',
      expect: [{ at: [0, 30, 40], message: 'Footnote [^missing] has no definition; add “[^missing]: …” with its source, or remove the reference.' }],
    },
    { name: 'valid: every reference defined', md: 'Tariffs fell.[^1]\n\n[^1]: Customs data.', expect: [] },
  ],
  'citation/unused-footnote': [
    {
      name: 'a definition never referenced',
      md: 'Tariffs fell.[^1]\n\n[^1]: Customs data.\n\n[^2]: An orphan note.',
      expect: [{ at: [4, 0, 4], message: 'Footnote [^2] is defined but never referenced in the text.' }],
    },
    { name: 'valid: a note referenced only from another note', md: 'Tariffs fell.[^1]\n\n[^1]: See also.[^2]\n\n[^2]: Customs data.', expect: [] },
  ],
  'citation/placeholder': [
    {
      name: 'the placeholders the uncited-claim quick fix inserts, in each style',
      md: 'Prices doubled (Author, Year). Rents rose 9% [@TODO]. Wages fell.[^2]\n\n[^2]: Source: TODO.',
      expect: [
        { at: [0, 15, 29], message: 'Citation placeholder “(Author, Year)”: replace it with the source.' },
        { at: [0, 46, 51], message: 'Citation placeholder “@TODO”: replace it with a key from the bibliography.' },
        { at: [2, 0, 4], message: 'Footnote [^2] is a placeholder (“Source: TODO.”): write the source in it.' },
      ],
    },
    { name: 'valid: real citations', md: 'Prices doubled (Lee, 2020). Rents rose 9% [@todo2021].[^2]\n\n[^2]: Source: customs data.', expect: [] },
  ],
  'citation/numeric-out-of-range': [
    {
      name: 'a citation beyond the numbered list, and a range that runs past it',
      md: 'Prices fell [3]. Exports rose [1, 2]. Quotas spread [2–4].\n\n## References\n\n[1] Lee, J. (2020). *Exports*.\n\n[2] Cruz, M. (2019). *Quotas*.',
      expect: [
        { at: [0, 12, 15], message: 'Citation 3 points beyond the numbered list, which ends at 2.', related: [[6, 0, 30]] },
        { at: [0, 52, 57], message: 'Citations 3, 4 point beyond the numbered list, which ends at 2.', related: [[6, 0, 30]] },
      ],
    },
    {
      name: 'an ordered list of notes counts too',
      md: 'Prices fell [4].\n\n## Notes\n\n1. Customs data.\n2. Port statistics.',
      expect: [{ at: [0, 12, 15], message: 'Citation 4 points beyond the numbered list, which ends at 2.' }],
    },
    { name: 'valid: within the list; an interval [0,1] is no citation', md: 'Prices fell [2] within [0,1].\n\n## Notes\n\n1. Customs data.\n2. Port statistics.', expect: [] },
  ],
};

for (const [ruleId, cases] of Object.entries(table)) {
  describe(ruleId, () => {
    for (const c of cases) it(c.name, () => runCase(ruleId, c));
  });
}
