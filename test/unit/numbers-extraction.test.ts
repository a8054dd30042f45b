import { describe, expect, it } from 'vitest';
import { tokenize } from '../../server/src/core/numbers/tokens';
import { findQuantities } from '../../server/src/core/numbers/quantities';
import { periodMentions } from '../../server/src/core/numbers/periods';
import { countSeries } from '../../server/src/core/numbers/lists';
import { maskedSpans, figureMentionsAt } from '../../server/src/core/numbers/ledger';
import { entityIndex } from '../../server/src/core/numbers/entities';
import { membershipsOverTime, MEMBERSHIP_HISTORY } from '../../server/src/core/numbers/membership';
import { validCounts } from '../../server/src/core/numbers/members';
import { formatCountLike, wordValue } from '../../server/src/core/numbers/lexicon';
import { loadBuiltinKnowledgeBase } from '../../server/src/kb/index';
import { canonicalCountry } from '../../server/src/core/numbers/countries';
import { analyze } from '../../server/src/core/analyze';
import { buildPaper } from '../../server/src/core/paper';
import { buildFigureLedger } from '../../server/src/core/numbers/ledger';

const quantities = (s: string) =>
  findQuantities(tokenize(s), s, () => false).map((q) => ({
    text: q.text,
    value: q.value,
    unit: q.unit,
    qualifier: q.qualifier,
    ...(q.currency ? { currency: q.currency } : {}),
    ...(q.noun ? { noun: q.noun } : {}),
    ...(q.role ? { role: q.role } : {}),
  }));

describe('quantities', () => {
  it('reads percentages, percentage points, money with currency and scale, counts in digits and words', () => {
    expect(quantities('It fell 57.4% then 12 percent, a 10.2 percentage point rise; US$40 million, USD 1.2 trillion, RMB 300 billion, €5bn and $1.3T; 15,000 affiliates and fourteen partners.')).toEqual([
      { text: '57.4%', value: 57.4, unit: 'percent', qualifier: 'exact' },
      { text: '12 percent', value: 12, unit: 'percent', qualifier: 'exact' },
      { text: '10.2 percentage point', value: 10.2, unit: 'pp', qualifier: 'exact' },
      { text: 'US$40 million', value: 40e6, unit: 'money', qualifier: 'exact', currency: 'USD' },
      { text: 'USD 1.2 trillion', value: 1.2e12, unit: 'money', qualifier: 'exact', currency: 'USD' },
      { text: 'RMB 300 billion', value: 300e9, unit: 'money', qualifier: 'exact', currency: 'CNY' },
      { text: '€5bn', value: 5e9, unit: 'money', qualifier: 'exact', currency: 'EUR' },
      { text: '$1.3T', value: 1.3e12, unit: 'money', qualifier: 'exact', currency: 'USD' },
      { text: '15,000', value: 15000, unit: 'count', qualifier: 'exact', noun: 'affiliate' },
      { text: 'fourteen', value: 14, unit: 'count', qualifier: 'exact', noun: 'partner' },
    ]);
  });

  it('reads ranges, approximations, bounds and "from … to …"', () => {
    const got = quantities('About 10–11 million people, between 0.5% and 0.7%, 25--50%, nearly $2 trillion, more than 1,000 entities, under 4 percent, 50+ countries, rising from 7.8 percent to 14.3 percent.');
    expect(got.map((g) => [g.text, g.qualifier, g.role ?? ''])).toEqual([
      ['10–11 million', 'range', ''],
      ['0.5% and 0.7%', 'range', ''],
      ['25--50%', 'range', ''],
      ['$2 trillion', 'nearly', ''],
      ['1,000', 'lower', ''],
      ['4 percent', 'upper', ''],
      ['50', 'lower', ''],
      ['7.8 percent', 'exact', 'from'],
      ['14.3 percent', 'exact', 'to'],
    ]);
    expect(got[0]).toMatchObject({ value: 10.5e6, noun: 'people' });
  });

  it('knows the interval a rounded or qualified figure allows', () => {
    const [a, b, c, d] = findQuantities(tokenize('$362.3 billion, breaking through $360 billion, about 40%, 15,000'), '$362.3 billion, breaking through $360 billion, about 40%, 15,000', () => false);
    expect([a.lo, a.hi]).toEqual([362.25e9, 362.35e9]);
    expect([b.lo, b.hi]).toEqual([355e9, Infinity]);
    expect(c.lo).toBeLessThan(41);
    expect(c.hi).toBeGreaterThan(41);
    expect([d.lo, d.hi]).toEqual([14625, 15375]);
  });

  it('skips years, dates, labels, footnote-style enumerators, compounds and codes', () => {
    expect(quantities('In 2022 (see Section 232, Table 1 and p. 12), on April 6, 2026 and 6 April 2026, the 10-year plan, G20, CO2, (1) and 2.1.3.')).toEqual([]);
  });

  it('reads ordinals and ranks', () => {
    expect(quantities('South Korea became the fourth-largest partner.')).toEqual([{ text: 'fourth-largest', value: 4, unit: 'ordinal', qualifier: 'exact' }]);
  });

  it('number words and their formatting', () => {
    expect([wordValue('Forty-two'), wordValue('dozen'), wordValue('fourteen'), wordValue('pillar')]).toEqual([42, 12, 14, undefined]);
    expect([formatCountLike(5, 'four'), formatCountLike(5, 'Four'), formatCountLike(21, 'twenty'), formatCountLike(15, '16')]).toEqual(['five', 'Five', 'twenty-one', '15']);
  });

  it('reads every number word in any case, and nothing else', () => {
    for (let n = 0; n < 100; n++) {
      for (const like of ['five', 'Five', 'FIVE']) expect(wordValue(formatCountLike(n, like)), formatCountLike(n, like)).toBe(n);
    }
    expect([wordValue('tHIRTY‐three'), wordValue('Ninety‑Nine'), wordValue('HUNDRED'), wordValue('Dozen')]).toEqual([33, 99, 100, 12]);
    // words that start like a number word, are too long, start with another letter or are not ASCII
    expect(['fives', 'seventy-seventy', 'Eleventh', 'twentyone', 'a', '', 'İn', 'éight', 'ＦＩＶＥ', '5'].map(wordValue)).toEqual(Array(10).fill(undefined));
  });
});

describe('periods', () => {
  const periods = (s: string) => periodMentions(tokenize(s), () => false).map((p) => p.key);
  it('years, ranges, decades, parts of a year and relative periods', () => {
    expect(periods('In 2022, between 2012 and 2021, in 2016–2024, the 1980s, in the first eleven months of 2022, over the past decade, in the last five years.')).toEqual([
      '2022', '2012–2021', '2016–2024', '1980s', '2022:first 11 months', 'rel:past decade', 'rel:past 5 years',
    ]);
  });
  it('years after "since", "before" or "excluding" are reference points, not periods', () => {
    expect(periods('the highest since 1940 (excluding 2025), before 2019')).toEqual([]);
  });
});

describe('citation masking', () => {
  it('masks author–year citations, bare years in parentheses and brackets, but not parenthetical figures', () => {
    const text = 'X (ASEAN Secretariat, 2023) and Okafor and Lim (2024) [7] [@key] but (in 2021) and (12% in 2020) stay.';
    const spans = maskedSpans(text).map(([s, e]) => text.slice(s, e));
    expect(spans).toEqual(['(ASEAN Secretariat, 2023)', '(2024)', '[7]', '[@key]']);
  });
});

describe('entities', () => {
  const kb = loadBuiltinKnowledgeBase();
  const ids = (s: string) => entityIndex(kb).find(tokenize(s)).map((e) => e.id);
  it('countries by name, short form and adjective; frameworks by acronym and name; hyphenated pairs', () => {
    expect(ids('The Republic of Korea, Viet Nam, U.S., Japanese firms, RCEP, the Regional Comprehensive Economic Partnership and U.S.-China trade')).toEqual([
      'country:South Korea', 'country:Vietnam', 'country:United States', 'country:Japan', 'kb:rcep', 'kb:rcep', 'country:United States', 'country:China',
    ]);
  });
  it('knows members of frameworks, and leaves regions without members', () => {
    const index = entityIndex(kb);
    expect(index.members('kb:quad')).toEqual(new Set(['Australia', 'India', 'Japan', 'United States']));
    expect(index.members('region:Southeast Asia')).toBeUndefined();
  });
});

describe('inline list counting', () => {
  const count = (s: string) => {
    const toks = tokenize(s);
    const r = countSeries(s, toks, 0, toks.length);
    return r && [r.min, r.max, r.partial];
  };
  it('counts plain, serial-comma, semicolon and enumerated lists', () => {
    expect(count('Trade, Money, Climate and Health')).toEqual([4, 4, false]);
    expect(count('Connected Economy, Resilient Economy, Clean Economy, and Fair Economy')).toEqual([4, 4, false]);
    expect(count('trade; investment, broadly defined; and aid')).toEqual([3, 3, false]);
    expect(count('(1) trade, finance and aid, (2) security and (3) climate')).toEqual([3, 3, false]);
    expect(count('steel, autos, etc.')).toEqual([2, 2, true]);
  });
  it('leaves room for an "and" inside the last item when the items are not parallel', () => {
    expect(count('the United States, Japan and South Korea')).toEqual([2, 3, false]);
  });
  it('does not split gerund phrases at commas inside them', () => {
    const [min, max] = count('promoting trade, deepening ties between the U.S., Japan, and Korea, and supporting open, secure, and trusted networks')!;
    expect(min).toBe(3);
    expect(max).toBeGreaterThan(3);
  });
  it('is no list when a clause follows the colon', () => {
    expect(count('the first is cost and the second is time')).toBeUndefined();
  });
});

describe('membership history', () => {
  const kb = loadBuiltinKnowledgeBase();
  it('every history refers to knowledge-base entries and members, with a source', () => {
    for (const [id, h] of Object.entries(MEMBERSHIP_HISTORY)) {
      const e = kb.byId(id);
      expect(e, id).toBeDefined();
      for (const m of Object.keys(h.joined)) expect(e!.members, `${id}: ${m}`).toContain(m);
      for (const f of h.former) expect(canonicalCountry(f.name), `${id}: ${f.name}`).toBe(f.name);
      expect(h.source).toMatch(/^https:\/\//);
      expect(h.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
  it('replays joins and departures', () => {
    const asean = kb.byId('asean')!;
    expect([...validCounts(asean)!].sort((a, b) => a - b)).toEqual([5, 6, 7, 9, 10, 11]);
    expect([...validCounts(kb.byId('eu')!)!].sort((a, b) => a - b)).toEqual([12, 15, 25, 27, 28]);
    expect([...validCounts(kb.byId('ipef')!)!].sort((a, b) => a - b)).toEqual([13, 14]);
    const nato = membershipsOverTime(kb.byId('nato')!.members, MEMBERSHIP_HISTORY.nato).map((s) => s.size);
    expect(nato).toEqual([12, 14, 15, 16, 19, 26, 28, 29, 30, 31, 32]);
  });
});

describe('figure mentions (for the hover)', () => {
  it('lists every other mention of the same measure, and none for an unmeasured figure', () => {
    const md = "In 2021, Korea accounted for 10.3% of Chile's total exports.\n\nThe report has 40 pages.\n\nKorea's 10.3% share of Chile's total exports in 2021 was a record.";
    const result = analyze(md, { rules: [] });
    const hit = figureMentionsAt(result, md.indexOf('10.3%') + 1)!;
    expect(hit.figure.quantity.text).toBe('10.3%');
    expect(hit.figure.measure).toBe("South Korea’s share of Chile's total exports in 2021");
    expect(hit.mentions.map((m) => md.slice(m.range.start, m.range.end))).toEqual(['10.3%']);
    expect(hit.mentions[0].range.start).toBe(md.lastIndexOf('10.3%'));
    const pages = figureMentionsAt(result, md.indexOf('40 pages'))!;
    expect(pages.figure.key).toBeUndefined();
    expect(pages.mentions).toEqual([]);
    expect(figureMentionsAt(result, md.indexOf('record'))).toBeUndefined();
  });
});

describe('performance', () => {
  it('stays linear on pathological single-sentence inputs (quadratic code took seconds at this size, minutes at 60 KB)', () => {
    const kb = loadBuiltinKnowledgeBase();
    for (const s of ['$1 '.repeat(2000), 'the 16 '.repeat(6000), 'In 2022, Japan accounted for 5% of China’s exports and '.repeat(300), `four pillars: ${'x, '.repeat(6000)}`, '('.repeat(6000) + ')'.repeat(6000)]) {
      const paper = buildPaper(s);
      buildFigureLedger(paper, kb, undefined); // warm up
      const t = performance.now();
      buildFigureLedger(paper, kb, undefined);
      expect(performance.now() - t, s.slice(0, 20)).toBeLessThan(1500);
    }
  });
});

describe('tokenize: fast paths', () => {
  // the tokenizer tests ASCII characters by their codes and falls back to Unicode classes: this oracle does every
  // test with the Unicode classes, as the tokenizer first did
  const oracle = (text: string) => {
    const out: { text: string; norm: string; start: number; kind: string; possessive: boolean; cap: boolean }[] = [];
    const push = (t: string, start: number, kind: string) => {
      let norm = t.toLowerCase();
      let possessive = false;
      if (kind === 'word') {
        const p = /(?:['’]s|s['’])$/.exec(norm);
        if (p && norm.length > 2) {
          possessive = true;
          norm = p[0].startsWith('s') ? norm.slice(0, -1) : norm.slice(0, -2);
        } else if (/['’]$/.test(norm)) norm = norm.slice(0, -1);
      }
      out.push({ text: t, norm, start, kind, possessive, cap: /^\p{Lu}/u.test(t) });
    };
    for (const m of text.matchAll(/[\p{L}\p{M}][\p{L}\p{M}\p{N}'’.\-&]*|\d[\d,.]*|\S/gu)) {
      const t = m[0];
      const start = m.index!;
      if (/^\d/.test(t)) {
        let cut = t.length;
        while (cut > 1 && (t[cut - 1] === ',' || t[cut - 1] === '.')) cut--;
        push(t.slice(0, cut), start, 'num');
        for (let i = cut; i < t.length; i++) push(t[i], start + i, 'punct');
      } else if (/^[\p{L}\p{M}]/u.test(t)) {
        let cut = t.length;
        while (cut > 1 && /['’\-&]/.test(t[cut - 1]) && !(t[cut - 1] === '’' || t[cut - 1] === "'")) cut--;
        if (t.endsWith('.') && !/\.\p{L}/u.test(t.slice(0, -1)) && !/^(?:\p{L}\.)+$/u.test(t)) cut = Math.min(cut, t.length - 1);
        push(t.slice(0, cut), start, 'word');
        for (let i = cut; i < t.length; i++) push(t[i], start + i, 'punct');
      } else push(t, start, 'punct');
    }
    return out;
  };

  it('gives the tokens the Unicode-class tests give, on random text of letters, marks, apostrophes and punctuation', () => {
    let seed = 11;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const pieces = ['a', 'S', 's', 'Z', 'é', 'É', 'Ω', 'ω', 'ß', 'İ', '\u0301', '’', "'", '-', '&', '.', ',', '1', '9', ' ', ' ', '(', '%', '$', '𝐀', 'ǅ', '_', '@'];
    for (let round = 0; round < 3000; round++) {
      const text = Array.from({ length: Math.floor(rnd() * 24) }, () => pieces[Math.floor(rnd() * pieces.length)]).join('');
      const got = tokenize(text).map(({ text, norm, start, kind, possessive, cap }) => ({ text, norm, start, kind, possessive, cap }));
      expect(got, JSON.stringify(text)).toEqual(oracle(text));
    }
  });
});
