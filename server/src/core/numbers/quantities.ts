/**
 * Quantities in a run of tokens: numbers in digits and words with their unit (percent, percentage points, money
 * with currency and scale, counts of things), ranges, approximations and bounds. Years, dates, labels ("Section
 * 2", "Table 1", "p. 12"), enumerators and compound adjectives ("10-year") are not quantities.
 */
import type { Tok } from './tokens';
import { singular } from './tokens';
import {
  CURRENCY_PREFIX, CURRENCY_WORDS, LABEL_WORDS, MONTHS, ORDINAL_WORDS, QUALIFIERS, SCALES, TIME_UNITS, wordValue,
} from './lexicon';

export type UnitKind = 'percent' | 'pp' | 'money' | 'count' | 'multiple' | 'ordinal';
export type Qualifier = 'exact' | 'approx' | 'nearly' | 'lower' | 'upper' | 'range';

export interface Quantity {
  /** Token range [t0, t1) of the figure itself (currency, number(s), scale, unit sign or word). */
  t0: number;
  t1: number;
  /** Token index where a qualifier before the figure starts (t0 when there is none). */
  q0: number;
  /** Text offsets of the figure. */
  start: number;
  end: number;
  text: string;
  /** Central value in base units (a share in percent, money in currency units). */
  value: number;
  /** Plausible interval of the true value given rounding, approximation or bound. */
  lo: number;
  hi: number;
  qualifier: Qualifier;
  unit: UnitKind;
  currency?: string;
  /** Counted thing, singular lower case ("member", "affiliate"). */
  noun?: string;
  /** Token index of the counted noun. */
  nounTok?: number;
  /** The number as written (digits, separators and decimal point), for re-writing it in a fix. */
  numberText: string;
  /** Text offsets of the number itself (without currency, scale or unit). */
  numberStart: number;
  numberEnd: number;
  /** Written in words ("five"). */
  isWord: boolean;
  /** The earlier value of "from X to Y", or the later one. */
  role?: 'from' | 'to';
}

export interface YearMention {
  tok: number;
  year: number;
  /** A decade ("the 1980s"). */
  decade: boolean;
}

const NUM = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;
const adjacent = (a: Tok | undefined, b: Tok | undefined) => !!a && !!b && a.end === b.start;

interface Num {
  i: number;
  /** Index after the number token(s). */
  j: number;
  value: number;
  decimals: number;
  trailingZeros: number;
  isWord: boolean;
  text: string;
}

function readNumber(toks: Tok[], i: number): Num | undefined {
  const t = toks[i];
  if (!t) return undefined;
  if (t.kind === 'num') {
    if (!NUM.test(t.text)) return undefined;
    const plain = t.text.replace(/,/g, '');
    const [int, frac = ''] = plain.split('.');
    const tz = frac ? 0 : (/0+$/.exec(int)?.[0].length ?? 0);
    return { i, j: i + 1, value: Number(plain), decimals: frac.length, trailingZeros: tz === int.length ? 0 : tz, isWord: false, text: t.text };
  }
  if (t.kind !== 'word') return undefined;
  if (t.norm === 'dozen' && toks[i - 1]?.norm === 'a') return { i: i - 1, j: i + 1, value: 12, decimals: 0, trailingZeros: 0, isWord: true, text: `${toks[i - 1].text} ${t.text}` };
  const v = wordValue(t.norm);
  if (v === undefined || v < 2 || v >= 100) return undefined;
  // "twenty one" in two tokens
  const next = toks[i + 1];
  if (v % 10 === 0 && v >= 20 && next?.kind === 'word') {
    const u = wordValue(next.norm);
    if (u !== undefined && u >= 1 && u <= 9) return { i, j: i + 2, value: v + u, decimals: 0, trailingZeros: 0, isWord: true, text: `${t.text} ${next.text}` };
  }
  return { i, j: i + 1, value: v, decimals: 0, trailingZeros: 0, isWord: true, text: t.text };
}

/** Half the rounding step of a number as written. */
function halfStep(n: Num): number {
  if (n.isWord) return 0.5;
  if (n.decimals) return 0.5 * 10 ** -n.decimals;
  const step = 0.5 * 10 ** n.trailingZeros;
  return Math.min(step, Math.max(0.5, n.value * 0.025));
}

function matchWords(toks: Tok[], i: number, words: string[]): boolean {
  for (let k = 0; k < words.length; k++) if (toks[i + k]?.norm !== words[k]) return false;
  return true;
}

/** A qualifier ending right before token i: returns its kind and first token. */
const QUALIFIER_WORDS = QUALIFIERS.map(([phrase, kind]) => [phrase.split(' '), kind] as const);

function qualifierBefore(toks: Tok[], i: number): { kind: 'approx' | 'nearly' | 'lower' | 'upper'; at: number } | undefined {
  const prev = toks[i - 1];
  if (!prev || prev.kind === 'num') return undefined;
  for (const [words, kind] of QUALIFIER_WORDS) {
    if (words[words.length - 1] !== prev.norm) continue;
    const at = i - words.length;
    if (at < 0) continue;
    if (matchWords(toks, at, words)) {
      // "under Section 2" is no bound; "some 40" is, but "some of" isn't
      return { kind, at };
    }
  }
  // "~40%" is one token pair
  return undefined;
}

/** Currency written before token i (which is a number). */
function currencyBefore(toks: Tok[], i: number): { code: string; at: number } | undefined {
  const p = toks[i - 1];
  if (!p) return undefined;
  if (p.text === '$' || p.text === '€' || p.text === '£' || p.text === '¥' || p.text === '₩' || p.text === '₹') {
    const pp = toks[i - 2];
    if (pp && adjacent(pp, p) && CURRENCY_PREFIX[`${pp.text}$`] && p.text === '$') return { code: CURRENCY_PREFIX[`${pp.text}$`], at: i - 2 };
    return { code: CURRENCY_PREFIX[p.text], at: i - 1 };
  }
  if (p.kind === 'word' && CURRENCY_PREFIX[p.text] && /^[A-Z]{3}$/.test(p.text)) return { code: CURRENCY_PREFIX[p.text], at: i - 1 };
  return undefined;
}

interface Tail {
  j: number;
  unit: UnitKind;
  scale: number;
  currency?: string;
  noun?: string;
  nounTok?: number;
  lower?: boolean;
}

/** Unit, scale and currency after a number ending before token j. */
function readTail(toks: Tok[], j: number, numTok: Tok, hasCurrency: boolean): Tail {
  let scale = 1;
  let k = j;
  const t = toks[k];
  // scale
  if (t && t.kind === 'word') {
    const s = SCALES[t.norm];
    const full = ['thousand', 'million', 'billion', 'trillion'].includes(t.norm);
    const abbrevOk = hasCurrency ? (t.norm.length <= 3) : adjacent(numTok, t) && /^(?:bn|mn|tn|trn|mln)$/.test(t.norm);
    if (s && (full || abbrevOk) && !(t.norm === 'm' && !hasCurrency)) {
      scale = s;
      k++;
    }
  }
  const u = toks[k];
  if (u?.text === '%') return { j: k + 1, unit: 'percent', scale };
  if (u?.kind === 'word') {
    if (u.norm === 'percent' || u.norm === 'pct' || u.norm === 'per-cent') return { j: k + 1, unit: 'percent', scale };
    if (u.norm === 'per' && toks[k + 1]?.norm === 'cent') return { j: k + 2, unit: 'percent', scale };
    if (u.norm === 'percentage' && /^points?$/.test(toks[k + 1]?.norm ?? '')) return { j: k + 2, unit: 'pp', scale };
    if (u.norm === 'pp' || u.norm === 'ppt' || u.norm === 'ppts' || u.norm === 'p.p') return { j: k + 1, unit: 'pp', scale };
    if (u.norm === 'basis' && /^points?$/.test(toks[k + 1]?.norm ?? '')) return { j: k + 2, unit: 'pp', scale: scale / 100 };
    if (u.norm === 'times' || u.norm === 'fold' || (u.norm === 'x' && adjacent(toks[k - 1], u))) return { j: k + 1, unit: 'multiple', scale };
    const cw = CURRENCY_WORDS[u.norm];
    if (cw && !(u.norm === 'won' && !hasCurrency && scale === 1)) return { j: k + 1, unit: 'money', scale, currency: cw };
  }
  if (hasCurrency) return { j: k, unit: 'money', scale };
  // a count: the counted thing is the first plural-looking word within three words
  for (let n = k; n < Math.min(toks.length, k + 4); n++) {
    const w = toks[n];
    if (w.kind !== 'word') break;
    if (n > k && /^(?:of|and|or|to|in|on|at|by|for|from|with|than|that|which|who)$/.test(w.norm)) break;
    const plural = /[^s]s$|people|staff|personnel|data|equipment|criteria|media/.test(w.norm) || (scale === 1 && numTok.text !== '1' && n === k && /^[a-z]/.test(w.text) && false);
    if (plural) return { j: k, unit: 'count', scale, noun: singular(w.norm), nounTok: n };
    if (n === k && w.cap && !/^[A-Z]{2,}$/.test(w.text)) break;
  }
  const w = toks[k];
  if (w?.kind === 'word' && /^[a-z]/.test(w.text)) return { j: k, unit: 'count', scale, noun: singular(w.norm), nounTok: k };
  return { j: k, unit: 'count', scale };
}

/** Years (1900–2099) and decades in the tokens. */
export function findYears(toks: Tok[], skip: (t: Tok) => boolean): YearMention[] {
  const out: YearMention[] = [];
  toks.forEach((t, i) => {
    if (t.kind !== 'num' || skip(t) || !/^(19|20)\d\d$/.test(t.text)) return;
    const next = toks[i + 1];
    if (next && adjacent(t, next) && (next.text === '%' || next.kind === 'num')) return;
    const prev = toks[i - 1];
    if (prev && (prev.text === '$' || CURRENCY_PREFIX[prev.text])) return;
    const decade = !!next && adjacent(t, next) && (next.norm === 's' || next.text === '’s' || next.text === "'s");
    out.push({ tok: i, year: Number(t.text), decade });
  });
  return out;
}

/**
 * Every quantity in the tokens. `skip(t)` is true for tokens inside citations and other masked spans.
 * Linear: each token is looked at a bounded number of times.
 */
export function findQuantities(toks: Tok[], text: string, skip: (t: Tok) => boolean): Quantity[] {
  const out: Quantity[] = [];
  let resumeAt = 0;
  for (let i = 0; i < toks.length; i++) {
    if (i < resumeAt) continue;
    const t = toks[i];
    if (skip(t)) continue;
    // ordinals: "fourth-largest", "2nd-largest"
    if (t.kind === 'word') {
      const ord = /^(\w+?)-(?:largest|biggest|smallest|highest|lowest|most|least)$/.exec(t.norm);
      const ov = ord ? ORDINAL_WORDS[ord[1]] : undefined;
      if (ov !== undefined) {
        out.push(mk(toks, text, i, i + 1, i, ov, ov, ov, 'exact', 'ordinal', {}, t.text, t.start, t.end, true));
        continue;
      }
    }
    const n = readNumber(toks, i);
    if (!n || isNotAQuantity(toks, text, n)) continue;
    const numTok = toks[n.j - 1];
    const cur = n.isWord ? undefined : currencyBefore(toks, n.i);
    if (!n.isWord && /^(19|20)\d\d$/.test(n.text) && !cur) {
      const next = toks[n.j];
      if (!(next && (next.text === '%' || /^(percent|billion|million|trillion|thousand)$/.test(next.norm)))) continue; // a year
    }
    const tail = readTail(toks, n.j, numTok, !!cur);
    if (n.isWord && tail.unit === 'count' && (!tail.noun || TIME_UNITS.has(`${tail.noun}s`))) continue;
    let t0 = cur ? cur.at : n.i;
    let t1 = tail.j;
    let unit = tail.unit;
    let currency = cur?.code ?? tail.currency;
    let scale = tail.scale;
    let noun = tail.noun;
    let nounTok = tail.nounTok;
    if (unit === 'money' && !currency) currency = 'USD';
    let value = n.value * scale;
    let half = halfStep(n) * scale;
    let lo = value - half;
    let hi = value + half;
    let qualifier: Qualifier = 'exact';
    let role: Quantity['role'];
    // ranges: "10–11 million", "0.5-0.8%", "between $761 and $939", "25--50%"
    const between = toks[t0 - 1]?.norm === 'between';
    const fromTo = toks[t0 - 1]?.norm === 'from';
    let sep = -1;
    const a = toks[tail.j];
    if (between && a?.norm === 'and') sep = tail.j + 1;
    else if (!fromTo && a && /^(?:–|—|-|‐|‒|to)$/.test(a.text)) sep = toks[tail.j + 1]?.text === '-' ? tail.j + 2 : tail.j + 1;
    if (sep > 0) {
      let c2 = sep;
      if (toks[c2] && (toks[c2].text === '$' || toks[c2].text === '€' || toks[c2].text === '£' || /^[A-Z]{3}$/.test(toks[c2].text) && CURRENCY_PREFIX[toks[c2].text])) c2++;
      const n2 = toks[c2]?.kind === 'num' ? readNumber(toks, c2) : undefined;
      if (n2 && !/^(19|20)\d\d$/.test(n.text)) {
        const tail2 = readTail(toks, n2.j, toks[n2.j - 1], !!currency);
        const firstBare = unit === 'count' && !noun && scale === 1;
        const unit2 = tail2.unit === 'count' && !tail2.noun && !firstBare ? unit : tail2.unit;
        if (unit2 === unit || firstBare) {
          const s1 = scale === 1 ? tail2.scale : scale;
          const s2 = tail2.scale === 1 ? s1 : tail2.scale;
          const v1 = n.value * s1;
          const v2 = n2.value * s2;
          unit = unit2;
          currency = currency ?? tail2.currency ?? (unit === 'money' ? 'USD' : undefined);
          if (unit === 'count') {
            noun = tail2.noun ?? noun;
            nounTok = tail2.nounTok ?? nounTok;
          }
          half = Math.max(halfStep(n) * s1, halfStep(n2) * s2);
          lo = Math.min(v1, v2) - halfStep(n) * s1;
          hi = Math.max(v1, v2) + halfStep(n2) * s2;
          value = (v1 + v2) / 2;
          qualifier = 'range';
          scale = s1;
          t1 = tail2.j;
        }
      }
    }
    let q0 = t0;
    if (qualifier !== 'range') {
      const q = qualifierBefore(toks, t0);
      if (q) {
        q0 = q.at;
        qualifier = q.kind;
        if (q.kind === 'approx') {
          lo = value * 0.9 - half;
          hi = value * 1.1 + half;
        } else if (q.kind === 'nearly') {
          lo = value * 0.9 - half;
        } else if (q.kind === 'lower') {
          hi = Infinity;
        } else {
          lo = -Infinity;
        }
      } else if (toks[t1]?.norm === 'or' && /^(more|above|higher|over)$/.test(toks[t1 + 1]?.norm ?? '')) {
        qualifier = 'lower';
        hi = Infinity;
      } else if (toks[t1]?.text === '+' && adjacent(toks[t1 - 1], toks[t1])) {
        qualifier = 'lower';
        hi = Infinity;
      }
      if (fromTo && hasTo(toks, t1)) role = 'from';
      else if (toks[q0 - 1]?.norm === 'to' && toks.slice(Math.max(0, q0 - 12), q0).some((x) => x.norm === 'from')) role = 'to';
    }
    resumeAt = Math.max(t1, n.j);
    out.push(mk(toks, text, t0, t1, q0, value, lo, hi, qualifier, unit, { currency, noun, nounTok, role }, n.text, toks[n.i].start, toks[n.j - 1].end, n.isWord));
  }
  return out;
}

/** Labels, enumerators, compound adjectives, dates and codes. */
function isNotAQuantity(toks: Tok[], text: string, n: Num): boolean {
  const numTok = toks[n.j - 1];
  const prev = toks[n.i - 1];
  const next = toks[n.j];
  if (n.isWord) {
    // "ten-year", "five-member": compounds are adjectives, not quantities (the member rule reads them itself)
    return !!next && adjacent(numTok, next) && next.text === '-' || /-/.test(numTok.text);
  }
  if (prev?.kind === 'word' && LABEL_WORDS.has(prev.norm.replace(/\.$/, ''))) return true;
  if (prev && (prev.text === '#' || prev.text === '§' || prev.text === '№')) return true;
  if (next && adjacent(numTok, next) && /^[-‐/]$/.test(next.text) && toks[n.j + 1]?.kind === 'word' && adjacent(next, toks[n.j + 1])) return true;
  if (next && adjacent(numTok, next) && next.kind === 'word' && !SCALES[next.norm] && !/^(?:x|pp|ppt|bn|mn|tn|trn|mln|k|m|b|t)$/.test(next.norm)) return true;
  if ((prev?.cap && MONTHS.has(prev.norm)) || (next?.cap && MONTHS.has(next.norm))) return true;
  if (prev?.text === '(' && next?.text === ')') return true;
  if (n.i === 0 && (next?.text === ')' || next?.text === '.')) return true;
  if (prev && (prev.text === ':' || prev.text === '(') && adjacent(prev, toks[n.i]) && toks[n.i - 2]?.kind === 'num') return true; // 5(2): 201
  if (prev?.text === '.' && adjacent(prev, toks[n.i])) return true;
  if (/^\d+\.\d+\.\d/.test(text.slice(toks[n.i].start, toks[n.i].start + 12))) return true; // 2.1.3
  return false;
}

function hasTo(toks: Tok[], from: number): boolean {
  for (let k = from; k < Math.min(toks.length, from + 6); k++) if (toks[k].norm === 'to') return true;
  return false;
}

function mk(
  toks: Tok[], text: string, t0: number, t1: number, q0: number, value: number, lo: number, hi: number, qualifier: Qualifier, unit: UnitKind,
  extra: { currency?: string; noun?: string; nounTok?: number; role?: Quantity['role'] }, numberText: string, numberStart: number, numberEnd: number, isWord: boolean,
): Quantity {
  const start = toks[t0].start;
  const end = toks[Math.max(t0, t1 - 1)].end;
  const q: Quantity = { t0, t1, q0, start, end, text: text.slice(start, end), value, lo, hi, qualifier, unit, numberText, numberStart, numberEnd, isWord };
  if (extra.currency) q.currency = extra.currency;
  if (extra.noun) q.noun = extra.noun;
  if (extra.nounTok !== undefined) q.nounTok = extra.nounTok;
  if (extra.role) q.role = extra.role;
  return q;
}
