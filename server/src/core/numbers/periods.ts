/**
 * The periods a sentence states: years ("in 2022", "at the end of 2022"), ranges ("between 2012 and 2021",
 * "2016–2024"), decades ("the 1980s"), parts of a year ("the first eleven months of 2022") and relative periods
 * ("over the past decade"). Years after "since", "before", "excluding"… are reference points, not periods.
 */
import type { Tok } from './tokens';
import { findYears } from './quantities';
import type { PeriodMention } from './frames';
import { wordValue } from './lexicon';

const NOT_A_PERIOD = new Set(['since', 'before', 'after', 'until', 'till', 'excluding', 'than', 'pre', 'post', 'prior', 'except', 'unlike']);
const PARTS = new Set(['half', 'quarter', 'months', 'month', 'weeks', 'days']);
const RELATIVE_HEAD = new Set(['past', 'last', 'recent', 'previous', 'preceding', 'coming', 'next']);
const RELATIVE_UNIT = /^(years?|decades?|months?|quarters?)$/;

export function periodMentions(toks: Tok[], skip: (t: Tok) => boolean): PeriodMention[] {
  const out: PeriodMention[] = [];
  const years = findYears(toks, skip);
  const used = new Set<number>();
  for (const y of years) {
    if (used.has(y.tok)) continue;
    const i = y.tok;
    const prev = toks[i - 1];
    if (prev && NOT_A_PERIOD.has(prev.norm)) continue;
    if (prev?.text === '-' && NOT_A_PERIOD.has(toks[i - 2]?.norm ?? '')) continue; // pre-2025
    if (y.decade) {
      out.push({ t0: i, t1: i + 2, key: `${y.year}s` });
      continue;
    }
    // ranges
    let end = i + 1;
    let key = String(y.year);
    const sep = toks[i + 1];
    const second = (k: number) => {
      const t = toks[k];
      if (!t || t.kind !== 'num') return undefined;
      if (/^(19|20)\d\d$/.test(t.text)) return Number(t.text);
      if (/^\d\d$/.test(t.text)) return Math.floor(y.year / 100) * 100 + Number(t.text);
      return undefined;
    };
    if (sep && /^(?:–|—|-|‐|to|through|\/)$/.test(sep.text.toLowerCase())) {
      const k = toks[i + 2]?.text === '-' ? i + 3 : i + 2;
      const y2 = second(k);
      if (y2 !== undefined && y2 > y.year) {
        key = `${y.year}–${y2}`;
        end = k + 1;
        used.add(k);
      }
    } else if (prev?.norm === 'between' && sep?.norm === 'and') {
      const y2 = second(i + 2);
      if (y2 !== undefined && y2 > y.year) {
        key = `${y.year}–${y2}`;
        end = i + 3;
        used.add(i + 2);
      }
    }
    // part of a year: "the first eleven months of 2022", "the first half of 2023"
    let start = i;
    if (prev?.norm === 'of' && end === i + 1) {
      let k = i - 2;
      const words: string[] = [];
      while (k >= 0 && i - k <= 5 && toks[k].kind !== 'punct' && toks[k].norm !== 'the' && toks[k].norm !== 'in') {
        words.unshift(toks[k].norm);
        k--;
      }
      if (words.some((w) => PARTS.has(w)) && /^(first|second|third|fourth|last|final)$/.test(words[0] ?? '')) {
        key = `${y.year}:${words.map((w) => wordValue(w) ?? w).join(' ')}`;
        start = k + 1;
      }
    }
    out.push({ t0: start, t1: end, key });
  }
  // relative periods: "over the past decade", "in the last five years", "in recent years"
  for (let i = 0; i < toks.length; i++) {
    if (!RELATIVE_HEAD.has(toks[i].norm)) continue;
    const words: string[] = [];
    for (let k = i + 1; k < Math.min(toks.length, i + 4); k++) {
      const t = toks[k];
      if (t.kind === 'punct') break;
      const v = wordValue(t.norm);
      words.push(v !== undefined ? String(v) : t.kind === 'num' ? t.text : t.norm);
      if (RELATIVE_UNIT.test(t.norm)) {
        const head = /^(last|previous|preceding)$/.test(toks[i].norm) ? 'past' : toks[i].norm;
        const span = words.join(' ').replace(/^10 years$/, 'decade').replace(/^(?:1 )?(year|decade|month|quarter)s?$/, '$1');
        out.push({ t0: i, t1: k + 1, key: `rel:${head} ${span}` });
        break;
      }
    }
  }
  out.sort((a, b) => a.t0 - b.t0);
  return out;
}
