/**
 * Stated counts of listed things: "the following four priorities:" before a Markdown list, "four pillars: A, B,
 * C and D", "three standing bodies — a, b and c —", "five goals, including …" and "nine categories (a, b, …)".
 * Each claim carries the count the list actually has, as an interval [min, max] when the list's own commas and
 * "and"s leave room for more than one reading.
 */
import type { ListInfo, Paper, ProseBlock, Sentence } from '../paper';
import type { OffsetRange } from '../types';
import type { Tok } from './tokens';
import { TIME_UNITS, wordValue } from './lexicon';

export interface ListClaim {
  block: ProseBlock;
  count: number;
  /** The number as written ("four", "10"). */
  countText: string;
  countRange: OffsetRange;
  /** "four priorities", "ten core action plans". */
  phraseText: string;
  phraseRange: OffsetRange;
  /** Items may be a selection: "including", "such as", "e.g.", a parenthesis, "etc.". */
  partial: boolean;
  kind: 'markdown' | 'inline';
  /** How many items the list has; min < max when the reading is ambiguous. */
  min: number;
  max: number;
  /** The Markdown list, or the inline series (source ranges). */
  listRange: OffsetRange;
  list?: ListInfo;
}

const NOT_BEFORE = new Set(['top', 'first', 'last', 'next', 'other', 'past', 'previous', 'of', 'over', 'than', 'about', 'around', 'nearly', 'almost', 'least', 'most', 'some', 'remaining', 'additional', 'further', 'another', 'final', 'every', 'per', 'the-top', 'bottom', 'largest', 'biggest']);
const IRREGULAR_PLURALS = /^(people|criteria|media|data|staff|personnel|phenomena|children|women|men)$/;
const NOT_NOUN = new Set(['of', 'in', 'to', 'for', 'on', 'at', 'by', 'with', 'from', 'and', 'or', 'that', 'which', 'who', 'were', 'was', 'are', 'is', 'have', 'has', 'had', 'will', 'would', 'can', 'could', 'as', 'while', 'when', 'if', 'because', 'although', 'though', 'since', 'but', 'the', 'a', 'an', 'this', 'these', 'those']);
const PARTIAL_INTRO = [['including'], ['such', 'as'], ['e.g'], ['e.g.'], ['for', 'example'], ['for', 'instance'], ['like'], ['among', 'them'], ['among', 'others']];
const FINITE = /^(is|are|was|were|has|have|had|will|would|can|could|should|must|does|did|do)$/;

const isPlural = (t: Tok) => t.kind === 'word' && (IRREGULAR_PLURALS.test(t.norm) || (/[^su'’]s$/.test(t.norm) && t.norm.length > 3) || /ies$/.test(t.norm));

/**
 * A list claim of a sentence as its block's text alone decides it (prose offsets). A 'markdown' candidate counts
 * the Markdown list right after the block, if there is one: only the paper can say.
 */
export interface ListCandidate {
  count: number;
  countStart: number;
  countEnd: number;
  countText: string;
  phraseEnd: number;
  kind: ListClaim['kind'];
  partial: boolean;
  min: number;
  max: number;
  seriesStart: number;
  seriesEnd: number;
}

/** List claims placed in the paper: source ranges, and the Markdown list a 'markdown' candidate announces. */
export function placeListClaims(paper: Paper, block: ProseBlock, candidates: ListCandidate[]): ListClaim[] {
  const out: ListClaim[] = [];
  for (const c of candidates) {
    const base = {
      block,
      count: c.count,
      countText: c.countText,
      countRange: paper.sourceRange(block, c.countStart, c.countEnd),
      phraseText: block.text.slice(c.countStart, c.phraseEnd),
      phraseRange: paper.sourceRange(block, c.countStart, c.phraseEnd),
    };
    if (c.kind === 'markdown') {
      const list = listAfter(paper, block);
      if (list) out.push({ ...base, partial: false, kind: 'markdown', min: list.itemCount, max: list.itemCount, listRange: list.range, list });
    } else {
      out.push({ ...base, partial: c.partial, kind: c.kind, min: c.min, max: c.max, listRange: paper.sourceRange(block, c.seriesStart, c.seriesEnd) });
    }
  }
  return out;
}

/**
 * A candidate counted at token `i` (count `n`, its noun phrase ending at token `noun`). A function, not a closure in
 * the loop over tokens: a closure there would capture the loop's variables, which V8 then allocates for every token.
 */
function candidate(toks: Tok[], i: number, n: number, noun: number, kind: ListClaim['kind'], partial: boolean, min: number, max: number, seriesStart: number, seriesEnd: number): ListCandidate {
  return { count: n, countStart: toks[i].start, countEnd: toks[i].end, countText: toks[i].text, phraseEnd: toks[noun].end, kind, partial, min, max, seriesStart, seriesEnd };
}

/** The list claims of sentence `s` of a block whose text is `text` and sentences `sentences`: a pure function of them. */
export function listCandidatesIn(text: string, sentences: Sentence[], s: Sentence, toks: Tok[]): ListCandidate[] {
  const out: ListCandidate[] = [];
  for (let i = 0; i < toks.length; i++) {
    const n = countAt(toks, i);
    if (n === undefined) continue;
    const prev = toks[i - 1];
    if (prev && (prev.text === '[' || prev.text === '^' || toks[i + 1]?.text === ']')) continue; // an endnote marker "[22]"
    if (prev && (NOT_BEFORE.has(prev.norm) || prev.text === '$' || /^(section|table|figure|chapter|article|pillar|phase|annex|no|page|p|pp)$/.test(prev.norm))) continue;
    // the noun phrase: up to three modifiers, then a plural noun
    let j = i + 1;
    let noun = -1;
    for (; j < Math.min(toks.length, i + 5); j++) {
      const t = toks[j];
      if (t.kind !== 'word' || NOT_NOUN.has(t.norm)) break;
      if (isPlural(t)) noun = j;
    }
    if (noun < 0 || TIME_UNITS.has(toks[noun].norm)) continue;
    // the phrase must end at its last plural ("four main pillars: …")
    const after = noun + 1;
    const a = toks[after];
    if (!a) continue;
    if (a.text === ':') {
      const rest = text.slice(a.end, s.end).trim();
      const lastSentence = s === sentences[sentences.length - 1];
      if (!rest && lastSentence && !text.slice(s.end).trim()) {
        out.push(candidate(toks, i, n, noun, 'markdown', false, 0, 0, 0, 0));
        continue;
      }
      const series = countSeries(text, toks, after + 1, toks.length);
      if (series) out.push(candidate(toks, i, n, noun, 'inline', series.partial, series.min, series.max, series.start, series.end));
      continue;
    }
    if (a.text === '—' || ((a.text === '–' || a.text === '-') && a.start > toks[noun].end)) {
      let close = toks.length;
      for (let k = after + 1; k < Math.min(toks.length, after + 120); k++) if (toks[k].text === a.text || toks[k].text === '—') {
        close = k;
        break;
      }
      const series = countSeries(text, toks, after + 1, close);
      if (series) out.push(candidate(toks, i, n, noun, 'inline', series.partial, series.min, series.max, series.start, series.end));
      continue;
    }
    if (a.text === '(') {
      let depth = 0;
      let close = -1;
      for (let k = after; k < Math.min(toks.length, after + 120); k++) {
        if (toks[k].text === '(') depth++;
        else if (toks[k].text === ')' && --depth === 0) {
          close = k;
          break;
        }
      }
      if (close < 0) continue;
      const series = countSeries(text, toks, after + 1, close);
      if (series) out.push(candidate(toks, i, n, noun, 'inline', true, series.min, series.max, series.start, series.end));
      continue;
    }
    let k = after;
    if (toks[k]?.text === ',') k++;
    const intro = introAt(toks, k);
    const namely = toks[k]?.norm === 'namely';
    if (intro || namely) {
      let start = k + (intro ? intro.length : 1);
      if (toks[start]?.text === ',' || toks[start]?.text === ':') start++;
      const series = countSeries(text, toks, start, toks.length);
      if (series) out.push(candidate(toks, i, n, noun, 'inline', !namely || series.partial, series.min, series.max, series.start, series.end));
    }
  }
  return out;
}

/** The words of `PARTIAL_INTRO` that start at token `k` ("including", "such as"), if any. */
function introAt(toks: Tok[], k: number): readonly string[] | undefined {
  return PARTIAL_INTRO.find((w) => w.every((x, m) => toks[k + m]?.norm === x));
}

function countAt(toks: Tok[], i: number): number | undefined {
  const t = toks[i];
  const next = toks[i + 1];
  if (next && next.start === t.end && (next.text === '-' || next.text === '%')) return undefined;
  if (t.kind === 'num') return /^\d{1,2}$/.test(t.text) && Number(t.text) >= 2 ? Number(t.text) : undefined;
  if (t.kind !== 'word' || /-/.test(t.text) && !/^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-/i.test(t.text)) return undefined;
  const v = wordValue(t.norm);
  return v !== undefined && v >= 2 && v < 100 ? v : undefined;
}

/** The Markdown list that starts right after a block, if any. */
function listAfter(paper: Paper, block: ProseBlock): ListInfo | undefined {
  const next = paper.blocks[block.index + 1];
  if (!next || next.listId === undefined || next.listItem !== 0) return undefined;
  const list = paper.lists[next.listId];
  if (!list || list.range.start < block.range.end) return undefined;
  // only whitespace (and HTML comments) between the paragraph and the list
  if (paper.text.slice(block.range.end, list.range.start).replace(/<!--[\s\S]*?-->/g, '').trim()) return undefined;
  return list;
}

interface Series {
  min: number;
  max: number;
  partial: boolean;
  start: number;
  end: number;
}

/**
 * Counts the items of an inline series between tokens [from, to): "A, B, C and D", "a; b; and c",
 * "(1) …, (2) …". Parentheses and quotes are skipped. Undefined when the text is not a list (a clause, a single
 * long item).
 */
export function countSeries(text: string, toks: Tok[], from: number, to: number): Series | undefined {
  if (from >= to || to - from > 200) return undefined; // no list is that long: a run-on text
  // drop a trailing sentence end
  while (to > from && /^[.!?]$/.test(toks[to - 1].text)) to--;
  if (to <= from) return undefined;
  const start = toks[from].start;
  const end = toks[to - 1].end;
  // enumerators "(1)", "(i)", "(a)"
  const enumerated = text.slice(start, end).match(/(?:^|\s)\((?:\d{1,2}|[ivx]{1,4}|[a-h])\)\s/g);
  if (enumerated && enumerated.length >= 2) return { min: enumerated.length, max: enumerated.length, partial: false, start, end };
  // top-level tokens (outside parentheses), quotes dropped
  const flat: Tok[] = [];
  let depth = 0;
  for (let k = from; k < to; k++) {
    const t = toks[k];
    if (t.text === '(' || t.text === '[') depth++;
    else if (t.text === ')' || t.text === ']') depth = Math.max(0, depth - 1);
    else if (depth === 0 && !/^["“”'‘’]$/.test(t.text)) flat.push(t);
  }
  let partial = false;
  while (flat.length && /^(etc|etc\.|others)$/.test(flat[flat.length - 1].norm)) {
    partial = true;
    flat.pop();
    if (flat[flat.length - 1]?.text === ',') flat.pop();
    if (/^(and|or)$/.test(flat[flat.length - 1]?.norm ?? '')) flat.pop();
  }
  if (flat.length && (flat[flat.length - 1].text === '…' || flat[flat.length - 1].text === '...')) {
    partial = true;
    flat.pop();
  }
  const splitter = flat.some((t) => t.text === ';') ? ';' : ',';
  const segs: Tok[][] = [[]];
  for (const t of flat) {
    if (t.text === splitter) segs.push([]);
    else segs[segs.length - 1].push(t);
  }
  const items = segs.filter((s) => s.length);
  if (!items.length) return undefined;
  // not a list: a clause after the colon, or items too long to be list entries
  if (items[0].some((t) => FINITE.test(t.norm)) && items.length < 3) return undefined;
  if (items.some((s) => s.length > 14)) return undefined;
  // a leading "and"/"or" on the last item is the serial comma
  const last = items[items.length - 1];
  let serial = false;
  if (/^(and|or|as)$/.test(last[0].norm)) {
    serial = true;
    last.shift();
    if (last[0]?.norm === 'well' && last[1]?.norm === 'as') last.splice(0, 2);
  }
  if (!last.length) return undefined;
  const shape = (s: Tok[]) => {
    const t = s.find((x) => x.norm !== 'and' && x.norm !== 'or');
    if (!t) return 'none';
    if (/ing$/.test(t.norm) && t.norm.length > 4 && !t.cap) return 'gerund';
    if (/^(a|an|the)$/.test(t.norm)) return 'article';
    if (t.cap) return 'cap';
    return 'lower';
  };
  let min = items.length;
  let max = items.length;
  // "… C and D" without a serial comma: one more item if the part after "and" looks like the others
  if (!serial) {
    const andAt = last.findIndex((t, k) => k > 0 && (t.norm === 'and' || t.norm === 'or'));
    if (andAt > 0) {
      const others = items.slice(0, -1).map(shape);
      const tail = shape(last.slice(andAt + 1));
      const head = shape(last.slice(0, andAt));
      const majority = others.length ? mode(others) : head;
      const inner = items.slice(0, -1).some((s) => s.some((t) => t.norm === 'and' || t.norm === 'or'));
      if (!inner && tail === majority && head === majority && last.slice(andAt + 1).length <= Math.max(6, 2 * Math.max(...items.slice(0, -1).map((s) => s.length), 1))) {
        min++;
        max++;
      } else {
        max++;
      }
    }
  }
  // "promoting …, constructing …, deepening cooperation between the U.S., Japan, and South Korea, …":
  // when the items are gerund phrases, commas inside an item do not start a new one
  const shapes = items.map(shape);
  const gerunds = shapes.filter((x) => x === 'gerund').length;
  if (shapes[0] === 'gerund' && gerunds >= 2 && gerunds < items.length) {
    min = Math.min(min, gerunds);
  }
  // a single item is no list
  if (max < 2) return undefined;
  return { min, max, partial, start, end };
}

function mode(xs: string[]): string {
  const c = new Map<string, number>();
  for (const x of xs) c.set(x, (c.get(x) ?? 0) + 1);
  let best = xs[0];
  for (const [k, v] of c) if (v > (c.get(best) ?? 0)) best = k;
  return best;
}
