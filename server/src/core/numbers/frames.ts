/**
 * What a figure measures, read from its sentence with a shallow, rule-based parse:
 *
 * - a share: the part ("Japan", "Ruritania's trade with Freedonia"), the whole ("ASEAN's inward FDI stock") and
 *   the period — "Japan accounted for 14.6% of …", "Japan's 14.6% share of …", "61% of … went to China",
 *   "…, accounting for 31.8% of …" (the participle takes the sentence's subject);
 * - a level: the subject and metric ("Ruritania's trade volume with Freedonia") — "… was $418.6 billion",
 *   "…, passing $250 billion", "… stands at 12.2%";
 * - a change: "… a year-on-year decrease of 3.7%", "… increased by 26.6%".
 *
 * Anything the parse is unsure of (pronouns, unknown subject, hypothetical or projected statements, "respectively",
 * several periods in one clause) gives no frame: an unmeasured figure is never compared.
 */
import type { Tok } from './tokens';
import { singular } from './tokens';
import type { Quantity } from './quantities';
import type { Entity } from './entities';
import {
  ANAPHORS, BETWEEN_SUBJECT_AND_VERB, CHANGE_NOUNS, CHANGE_VERBS, HYPOTHETICAL, LEADING, LEVEL_VERBS, MONTHS, SHARE_LINKS_AFTER, SHARE_VERBS,
  STOP, SUBJECT_END_VERBS, WEAK_SHARE_VERBS,
} from './lexicon';

export type FrameKind = 'share' | 'level' | 'change';

export interface Frame {
  kind: FrameKind;
  /** Entity ids of the subject; for a share, of the part (the whole's own entities removed). */
  subject: string[];
  /** Normalised content words of the metric (level, change) or the part's qualifying words (share). */
  metric: string[];
  /** Normalised content words and entity ids of the whole (share). */
  whole: string[];
  /** The subject / part as written. */
  subjectText: string;
  /** The whole as written (share). */
  wholeText: string;
  /** Period key ("2022", "2012–2021", "rel:past decade") or undefined when none is stated or implied. */
  period: string | undefined;
  tense: 'past' | 'present';
  /** +1 for an increase, -1 for a decrease (change). */
  direction: 1 | -1 | 0;
  /** Token index of the verb or link that tied the figure to its subject. */
  anchor: number;
  /** Token range of the subject (level and change frames). */
  subjectSpan?: [number, number];
}

export interface PeriodMention {
  t0: number;
  t1: number;
  key: string;
}

export interface SentenceInput {
  toks: Tok[];
  quantities: Quantity[];
  entities: Entity[];
  periods: PeriodMention[];
  /** Period implied by the paragraph or section (undefined: none; null: several, so ambiguous). */
  inherited: string | undefined | null;
  /** Maps content words to their normal form (defined long forms → acronym). */
  normalizeWords: (words: string[]) => string[];
}

/** How far (in tokens) a clause is searched for its start or end: bounds the work per figure (linear time). */
const WINDOW = 60;

const PUNCT_BOUNDARY = new Set([',', ';', ':', '(', ')', '—', '[', ']', '?', '!', '.', '"', '“', '”']);
const WORD_BOUNDARY = new Set(['while', 'whereas', 'but', 'which', 'who', 'that', 'where', 'when', 'because', 'although', 'though', 'if', 'than', 'whom', 'whose', 'yet', 'whilst', 'as']);
const RELATIVE = new Set(['which', 'who', 'that']);
const TRANSPARENT = new Set(['trade', 'bilateral', 'share', 'part', 'portion', 'proportion', 'percentage', 'combined', 'together']);
const WHOLE_STOP = new Set(['while', 'whereas', 'but', 'which', 'who', 'that', 'than', 'respectively', 'since', 'during', 'between', 'over', 'versus', 'vs', 'against', 'through', 'until', 'after', 'before', 'according', 'compared', 'including', 'excluding', 'up', 'down', 'making', 'accounting', 'representing', 'reaching', 'far', 'well', 'making', 'second', 'only']);
const TIME_AFTER_PREP = new Set(['end', 'first', 'second', 'third', 'past', 'last', 'same', 'period', 'year', 'years', 'decade', 'beginning', 'course', 'start', 'middle', 'time']);

const isDash = (t: Tok, prev: Tok | undefined, next: Tok | undefined) => t.text === '—' || ((t.text === '–' || t.text === '-') && !(prev && prev.end === t.start && next && t.end === next.start));

function isBoundary(toks: Tok[], k: number): boolean {
  const t = toks[k];
  if (t.kind === 'punct') return PUNCT_BOUNDARY.has(t.text) || isDash(t, toks[k - 1], toks[k + 1]);
  return WORD_BOUNDARY.has(t.norm);
}

function matchSeq(toks: Tok[], i: number, words: string[]): boolean {
  for (let k = 0; k < words.length; k++) if (toks[i + k]?.norm !== words[k]) return false;
  return true;
}

/** A phrase of `list` that ends right before token `end`; returns its first token. */
function phraseEndingAt(toks: Tok[], end: number, list: string[][]): { at: number; words: string[] } | undefined {
  let best: { at: number; words: string[] } | undefined;
  for (const words of list) {
    const at = end - words.length;
    if (at >= 0 && matchSeq(toks, at, words) && (!best || words.length > best.words.length)) best = { at, words };
  }
  return best;
}

function phraseStartingAt(toks: Tok[], start: number, list: string[][]): { end: number; words: string[] } | undefined {
  let best: { end: number; words: string[] } | undefined;
  for (const words of list) if (matchSeq(toks, start, words) && (!best || words.length > best.words.length)) best = { end: start + words.length, words };
  return best;
}

/** The subject of the sentence (or of the clause after the last semicolon before `limit`). */
function mainSubject(toks: Tok[], limit: number): [number, number] | undefined {
  let s = 0;
  let k = limit - 1;
  for (; k >= 0 && limit - k <= WINDOW; k--) if (toks[k].text === ';' || toks[k].text === ':') {
    s = k + 1;
    break;
  }
  if (k >= 0 && limit - k > WINDOW) return undefined; // a clause this long is not read with confidence
  if (/^(but|and|yet|so|or|still|also)$/.test(toks[s]?.norm ?? '') && toks[s + 1]?.text !== ',') s++;
  // strip sentence-initial adverbials: "In terms of bilateral trade, in 2022, …"
  for (let round = 0; round < 4 && s < limit; round++) {
    const t = toks[s];
    if (!(t.kind === 'num' || LEADING.has(t.norm) || (t.kind === 'word' && /ly$/.test(t.norm) && !t.cap && t.norm.length > 4) || (t.cap && /ly$/.test(t.norm) && t.norm.length > 5 && !/^(italy|july)$/.test(t.norm)))) break;
    let c = -1;
    for (let k = s + 1; k < Math.min(limit, s + 16); k++) {
      if (toks[k].text === ',') {
        c = k;
        break;
      }
      if (toks[k].kind === 'word' && SUBJECT_END_VERBS.has(toks[k].norm)) break;
    }
    if (c < 0) break;
    s = c + 1;
  }
  let e = s;
  while (e < limit && e - s < 14) {
    const t = toks[e];
    if (t.kind === 'word' && SUBJECT_END_VERBS.has(t.norm) && e > s) break;
    if (t.kind === 'punct' && (t.text === ',' || t.text === '(' || t.text === ';' || isDash(t, toks[e - 1], toks[e + 1]))) break;
    if (t.kind === 'num') return undefined;
    e++;
  }
  if (e === s || e - s >= 14) return undefined;
  return [s, e];
}

/** The subject noun phrase of a verb at `verb` (participles and coordinated verbs take the sentence's subject). */
function subjectBefore(toks: Tok[], verb: number): [number, number] | undefined {
  let k = verb - 1;
  while (k >= 0 && toks[k].kind === 'word' && BETWEEN_SUBJECT_AND_VERB.has(toks[k].norm)) k--;
  if (k < 0) return undefined;
  const t = toks[k];
  if (t.text === ',' || t.norm === 'and' || t.text === '—') return mainSubject(toks, k);
  if (RELATIVE.has(t.norm)) {
    // "X, which accounts for …": the antecedent before the comma
    let c = k - 1;
    if (toks[c]?.text === ',') c--;
    return spanBack(toks, c);
  }
  return spanBack(toks, k);
}

function spanBack(toks: Tok[], k: number): [number, number] | undefined {
  if (k < 0 || isBoundary(toks, k)) return undefined;
  let b = k;
  while (b - 1 >= 0 && !isBoundary(toks, b - 1) && toks[b - 1].kind !== 'num' && !(toks[b - 1].kind === 'word' && SUBJECT_END_VERBS.has(toks[b - 1].norm)) && k - b < 13) b--;
  if (k - b >= 13) return undefined;
  while (b <= k && /^(and|or|but)$/.test(toks[b].norm)) b++;
  if (b > k) return undefined;
  // a leading adverbial inside the clause: "In 2022 China …" is rare; "In contrast, X" is cut at the comma already
  return [b, k + 1];
}

/** The whole after "of": up to the first verb, clause boundary or time expression. */
function wholeAfter(toks: Tok[], i: number): [number, number] | undefined {
  let e = i;
  while (e < toks.length && e - i < 14) {
    const t = toks[e];
    if (t.kind === 'punct') {
      if (t.text === '&' || ((t.text === '-' || t.text === '–') && !isDash(t, toks[e - 1], toks[e + 1]))) {
        e++;
        continue;
      }
      break;
    }
    if (t.kind === 'num') break;
    if (SUBJECT_END_VERBS.has(t.norm) || WHOLE_STOP.has(t.norm) || HYPOTHETICAL.has(t.norm)) break;
    if (/^(in|at|by|for|as|from|on)$/.test(t.norm)) {
      const n = toks[e + 1];
      const nn = toks[e + 2];
      if (!n || n.kind === 'num' || (n.cap && MONTHS.has(n.norm)) || /^(recent|that|this|these|those|early|late|mid|each|every|terms|total|part|order|addition|particular|turn|contrast|comparison|fact|line|response)$/.test(n.norm)) break;
      if (n.norm === 'the' && nn && TIME_AFTER_PREP.has(nn.norm)) break;
      if (t.norm === 'as') break;
    }
    if (t.norm === 'and' || t.norm === 'or') {
      const n = toks[e + 1];
      if (!n || n.kind !== 'word' || SUBJECT_END_VERBS.has(n.norm) || /^(the|a|an|its|their|it|this|that|these|those|is|was|are|were|has|had|then|also|made|making)$/.test(n.norm) || n.cap) break;
    }
    e++;
  }
  if (e === i || e - i >= 14) return undefined;
  return [i, e];
}

/** "China", "Japan, the Republic of Korea and Australia combined" after a link verb. */
function entityListAfter(toks: Tok[], entities: Entity[], k: number): [number, number] | undefined {
  const at = (i: number) => byStart(entities).get(i);
  let i = k;
  let end = -1;
  for (;;) {
    if (toks[i]?.norm === 'the') i++;
    const e = at(i);
    if (!e) break;
    i = e.t1;
    end = i;
    if (toks[i]?.text === ',' && (toks[i + 1]?.norm === 'and' || toks[i + 1]?.norm === 'the' || at(i + 1))) i += toks[i + 1]?.norm === 'and' ? 2 : 1;
    else if (toks[i]?.norm === 'and' || toks[i]?.norm === 'or') i++;
    else break;
  }
  if (end < 0) return undefined;
  if (/^(combined|together|collectively|alone)$/.test(toks[end]?.norm ?? '')) end++;
  const next = toks[end];
  if (next && next.kind === 'word' && !WHOLE_STOP.has(next.norm) && !/^(in|and|during|between|at|by|over|from|while)$/.test(next.norm)) return undefined;
  return [k, end];
}

const startIndex = new WeakMap<Entity[], Map<number, Entity>>();
const endIndex = new WeakMap<Entity[], Map<number, Entity>>();

/** Entities by first token (built once per sentence). */
function byStart(entities: Entity[]): Map<number, Entity> {
  let m = startIndex.get(entities);
  if (!m) startIndex.set(entities, (m = new Map(entities.map((e) => [e.t0, e]))));
  return m;
}

/** Entities by the token after their last one. */
function byEnd(entities: Entity[]): Map<number, Entity> {
  let m = endIndex.get(entities);
  if (!m) endIndex.set(entities, (m = new Map(entities.map((e) => [e.t1, e]))));
  return m;
}

export interface Resolved {
  ids: string[];
  /** Entity ids tagged with their role in the phrase: "country:China@own", "kb:asean@to" (direction of a flow). */
  roles: string[];
  words: string[];
  text: string;
}

/** Metrics that do not depend on direction: "China's trade with Korea" is "Korea's trade with China". */
const SYMMETRIC = new Set(['trade', 'bilateral', 'relation', 'relationship', 'tie', 'turnover', 'good', 'service', 'merchandise']);

/** The role of an entity from the word before it. */
function roleOf(toks: Tok[], e: Entity, from: number): string {
  let k = e.t0 - 1;
  if (toks[k]?.norm === 'the') k--;
  if (k < from) return 'own';
  const w = toks[k].norm;
  if (w === 'to' || w === 'into' || w === 'toward' || w === 'towards' || w === 'for') return 'to';
  if (w === 'from' || w === 'by') return 'from';
  if (w === 'in' || w === 'on' || w === 'at') return 'in';
  if (w === 'with' || w === 'between' || w === 'and' || toks[k].text === ',' || toks[k].text === '–' || toks[k].text === '-') return 'sym';
  return 'own';
}

/** The subject key of a level or change: plain ids for symmetric metrics, ids with roles otherwise. */
export function subjectKey(r: Resolved): string[] {
  const symmetric = r.words.length > 0 && r.words.every((w) => SYMMETRIC.has(w));
  const allOwn = r.roles.every((x) => /@(own|sym)$/.test(x));
  return symmetric || (allOwn && r.ids.length === 1) ? r.ids : [...r.roles].sort();
}

/** Entities and content words of a span; undefined when the span is an anaphor or names nothing. */
export function resolveSpan(input: SentenceInput, span: [number, number], text: string, whole = false): Resolved | undefined {
  const { toks, entities } = input;
  const ids = new Set<string>();
  const roles = new Set<string>();
  const inEntity = new Uint8Array(span[1] - span[0]);
  for (const e of entities) {
    if (e.t0 >= span[0] && e.t1 <= span[1]) {
      ids.add(e.id);
      roles.add(`${e.id}@${roleOf(toks, e, span[0])}`);
      for (let k = e.t0; k < e.t1; k++) inEntity[k - span[0]] = 1;
    }
  }
  // a post-modifier cut off from its head ("…, between ASEAN members and Japan grew"): no subject
  if (/^(between|with|of|in|to|from|on|at|by|for|among|including|like|such)$/.test(toks[span[0]].norm)) return undefined;
  const raw: string[] = [];
  for (let k = span[0]; k < span[1]; k++) {
    const t = toks[k];
    if (t.kind !== 'word') continue;
    if ((ANAPHORS.has(t.norm) || DERIVED.has(t.norm)) && !inEntity[k - span[0]]) return undefined;
    if (inEntity[k - span[0]]) continue;
    for (const part of t.norm.split(/[-‐]/)) if (part) raw.push(part);
  }
  const words = input.normalizeWords(raw)
    .filter((w) => (!STOP.has(w) || (whole && /^(volume|quantity|tonnage)$/.test(w))) && !/^\d/.test(w))
    .map((w) => (w === 'global' || w === 'worldwide' || w === "world's" ? 'world' : singular(w)));
  const start = toks[span[0]].start;
  const end = toks[span[1] - 1].end;
  return { ids: [...ids].sort(), roles: [...roles].sort(), words: [...new Set(words)].sort(), text: text.slice(start, end) };
}

/** Words that make a noun phrase a derived quantity ("a tenth of China's trade", "more than …"): not a subject. */
const DERIVED = new Set(['half', 'third', 'thirds', 'quarter', 'quarters', 'tenth', 'fifth', 'fraction', 'majority', 'bulk', 'most', 'portion', 'proportion', 'percent', 'than', 'times', 'double', 'triple', 'twice']);

const PAST_IRREGULAR = new Set(['was', 'were', 'had', 'went', 'came', 'rose', 'fell', 'grew', 'held', 'made', 'stood', 'hit', 'spent', 'became', 'took', 'saw', 'broke', 'shrank', 'overtook', 'brought']);

function tenseOf(toks: Tok[], verb: number): 'past' | 'present' {
  const t = toks[verb];
  if (!t) return 'present';
  if (PAST_IRREGULAR.has(t.norm) || /ed$/.test(t.norm)) return 'past';
  if (/ing$/.test(t.norm)) {
    for (let k = verb - 1; k >= 0 && verb - k <= WINDOW; k--) {
      const w = toks[k];
      if (w.kind === 'word' && (SUBJECT_END_VERBS.has(w.norm) || PAST_IRREGULAR.has(w.norm))) return tenseOf(toks, k);
    }
  }
  return 'present';
}

interface ClauseMarks {
  /** Token ends a clause for the hypothetical test (";", brackets, dashes, "while", ", and", "and" + verb). */
  stop: Uint8Array;
  /** Token ends a clause for the period test (also commas). */
  end: Uint8Array;
  /** Prefix counts of hypothetical words. */
  hyp: Int32Array;
}

const marksCache = new WeakMap<Tok[], ClauseMarks>();

/** Clause boundaries and hypothetical words of a sentence, computed once (linear). */
function marks(toks: Tok[]): ClauseMarks {
  let m = marksCache.get(toks);
  if (m) return m;
  const n = toks.length;
  const stop = new Uint8Array(n);
  const end = new Uint8Array(n);
  const hyp = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) {
    const t = toks[k];
    const dash = isDash(t, toks[k - 1], toks[k + 1]);
    if (t.text === ';' || t.text === '(' || t.text === ')' || dash || /^(while|whereas|but)$/.test(t.norm)) stop[k] = 1;
    else if (/^(and|or)$/.test(t.norm) && (toks[k - 1]?.text === ',' || isVerbish(toks[k + 1]))) stop[k] = 1;
    if (t.text === ',' || t.text === ';' || t.text === '(' || t.text === ')' || dash || /^(while|whereas|but)$/.test(t.norm)) end[k] = 1;
    hyp[k + 1] = hyp[k] + (isHypotheticalWord(t) ? 1 : 0);
  }
  m = { stop, end, hyp };
  marksCache.set(toks, m);
  return m;
}

/** True when the clause around token k states something hypothetical, projected, targeted or surveyed. */
function hypotheticalAround(toks: Tok[], k: number, sentenceWide: boolean): boolean {
  if (sentenceWide) return true;
  const { stop, hyp } = marks(toks);
  let a = k;
  while (a > 0 && !stop[a - 1] && k - a < WINDOW) a--;
  let b = k;
  while (b < toks.length - 1 && !stop[b + 1] && b - k < WINDOW) b++;
  if (k - a >= WINDOW || b - k >= WINDOW) return true; // too long to read with confidence
  return hyp[b + 1] - hyp[a] > 0;
}

function isVerbish(t: Tok | undefined): boolean {
  return !!t && t.kind === 'word' && (SUBJECT_END_VERBS.has(t.norm) || HYPOTHETICAL.has(t.norm) || t.norm === 'is');
}

function isHypotheticalWord(t: Tok): boolean {
  if (t.kind !== 'word' || !HYPOTHETICAL.has(t.norm)) return false;
  if ((t.norm === 'may' || t.norm === 'will') && t.cap) return false; // the month; a name
  return true;
}

const SENTENCE_HYPOTHETICAL = new Set(['if', 'unless', 'assuming', 'suppose', 'scenario', 'scenarios', 'respectively']);

/** Frames for every quantity of a sentence (same order; undefined where the figure's measure is unclear). */
export function framesOf(input: SentenceInput, text: string): (Frame | undefined)[] {
  const { toks, quantities } = input;
  const sentenceWide = toks.some((t) => t.kind === 'word' && SENTENCE_HYPOTHETICAL.has(t.norm));
  const out: (Frame | undefined)[] = [];
  let lastWhole: { span: [number, number]; r: Resolved } | undefined;
  let lastLevel: Frame | undefined;
  for (const q of quantities) {
    let frame: Frame | undefined;
    if (q.role !== 'from' && q.unit !== 'ordinal' && q.unit !== 'multiple' && !hypotheticalAround(toks, q.t0, sentenceWide)) {
      const share = q.unit === 'percent' ? shareFrame(input, q, text, lastWhole, lastLevel) : undefined;
      if (share) {
        frame = share.frame;
        lastWhole = share.whole;
      } else {
        frame = changeFrame(input, q, text) ?? levelFrame(input, q, text);
        if (frame?.kind === 'level') lastLevel = frame;
      }
      if (frame) {
        const period = periodFor(input, q);
        if (period === null) frame = undefined;
        else frame.period = period;
      }
    }
    out.push(frame);
  }
  return out;
}

function shareFrame(
  input: SentenceInput, q: Quantity, text: string, lastWhole: { span: [number, number]; r: Resolved } | undefined, lastLevel: Frame | undefined,
): { frame: Frame; whole: { span: [number, number]; r: Resolved } } | undefined {
  const { toks, entities } = input;
  let after = q.t1;
  let shareWord = false;
  if (toks[after]?.norm === 'share' || toks[after]?.norm === 'stake') {
    shareWord = true;
    after++;
  }
  let wholeSpan: [number, number] | undefined;
  let whole: Resolved | undefined;
  if (toks[after]?.norm === 'of') {
    wholeSpan = wholeAfter(toks, after + 1);
    if (!wholeSpan) return undefined;
    whole = resolveSpan(input, wholeSpan, text, true);
    // a whole without an owner ("of inbound investment") leaves its owner implicit: not comparable
    if (!whole || !(whole.ids.length || whole.words.includes('world'))) return undefined;
  }
  let partSpan: [number, number] | undefined;
  let anchor = -1;
  // "Japan's 14.6% share of …", "Australia's 2.1%"
  const poss = byEnd(entities).get(q.q0);
  if (poss?.possessive && (shareWord || whole || lastWhole)) {
    partSpan = [poss.t0, poss.t1];
    anchor = q.q0;
  }
  if (!partSpan) {
    let v = q.q0;
    if (toks[v - 1]?.norm === 'a' || toks[v - 1]?.norm === 'an') v--;
    const verb = phraseEndingAt(toks, v, SHARE_VERBS);
    if (verb) {
      const weak = verb.words.length === 1 && WEAK_SHARE_VERBS.has(verb.words[0]);
      const possessionOnly = /^(has|had|have|having)$/.test(verb.words[0]);
      if (!weak || shareWord || (whole && !possessionOnly)) {
        partSpan = subjectBefore(toks, verb.at);
        anchor = verb.at;
      }
    }
  }
  // "…, China for 6% and the United States for 9%": further parts of the share before them
  if (!partSpan && lastWhole && !whole && toks[q.q0 - 1]?.norm === 'for') {
    const e = byEnd(entities).get(q.q0 - 1);
    const before = e ? toks[e.t0 - 1]?.norm === 'the' ? toks[e.t0 - 2] : toks[e.t0 - 1] : undefined;
    if (e && before && (before.text === ',' || before.norm === 'and')) {
      partSpan = [e.t0, e.t1];
      anchor = q.q0 - 1;
    }
  }
  // "trade between Laos and the US amounted to $334 million, or 3 percent of Laos's trade": the level's subject
  if (!partSpan && whole && lastLevel?.subjectSpan && toks[q.q0 - 1]?.norm === 'or' && toks[q.q0 - 2]?.text === ',') {
    partSpan = lastLevel.subjectSpan;
    anchor = lastLevel.anchor;
  }
  if (!partSpan) {
    const linkAt = wholeSpan ? wholeSpan[1] : after;
    const link = phraseStartingAt(toks, linkAt, SHARE_LINKS_AFTER);
    if (link && (whole || lastWhole)) {
      partSpan = entityListAfter(toks, entities, link.end);
      anchor = linkAt;
    }
  }
  if (!partSpan) return undefined;
  if (!whole) {
    if (!lastWhole) return undefined;
    wholeSpan = lastWhole.span;
    whole = lastWhole.r;
  }
  const frame = makeShare(input, partSpan, whole, anchor, text);
  return frame ? { frame, whole: { span: wholeSpan!, r: whole } } : undefined;
}

function makeShare(input: SentenceInput, partSpan: [number, number], whole: Resolved, anchor: number, text: string): Frame | undefined {
  const part = resolveSpan(input, partSpan, text);
  if (!part || !part.ids.length) return undefined;
  const wholeIds = new Set(whole.ids);
  const ids = part.ids.filter((id) => !wholeIds.has(id));
  if (!ids.length) return undefined;
  const metric = part.words.filter((w) => !TRANSPARENT.has(w) && !whole.words.includes(w));
  return {
    kind: 'share',
    subject: ids,
    metric,
    whole: [...whole.ids, ...whole.words].sort(),
    subjectText: part.text,
    wholeText: whole.text,
    period: undefined,
    tense: tenseOf(input.toks, anchor),
    direction: 0,
    anchor,
  };
}

/** "Japan's share of world production fell to 9%": a share stated as the level of "X's share of W". */
function shareAsLevel(input: SentenceInput, span: [number, number], anchor: number, text: string): Frame | undefined {
  const { toks, entities } = input;
  for (let k = span[0] + 1; k < span[1] - 1; k++) {
    if (toks[k].norm !== 'share' || toks[k + 1].norm !== 'of') continue;
    const owner = byEnd(entities).get(k);
    if (!owner || !owner.possessive || owner.t0 < span[0]) return undefined;
    const wholeSpan: [number, number] = [k + 2, span[1]];
    const whole = resolveSpan(input, wholeSpan, text, true);
    if (!whole || !(whole.ids.length || whole.words.includes('world'))) return undefined;
    return makeShare(input, [span[0], k], whole, anchor, text);
  }
  return undefined;
}

function changeFrame(input: SentenceInput, q: Quantity, text: string): Frame | undefined {
  if (q.unit !== 'percent' && q.unit !== 'pp' && q.unit !== 'money') return undefined;
  const { toks } = input;
  let direction: 1 | -1 | undefined;
  let span: [number, number] | undefined;
  let anchor = -1;
  const b = q.q0;
  if (toks[b - 1]?.norm === 'by' && CHANGE_VERBS.has(toks[b - 2]?.norm ?? '')) {
    direction = CHANGE_VERBS.get(toks[b - 2].norm)!;
    anchor = b - 2;
    span = subjectBefore(toks, anchor);
  } else if (toks[b - 1]?.norm === 'of') {
    // "a (year-on-year) decrease of 3.7%"
    const noun = toks[b - 2];
    if (noun && CHANGE_NOUNS.has(noun.norm)) {
      let a = b - 3;
      while (a >= 0 && a > b - 7 && toks[a].kind === 'word' && toks[a].norm !== 'a' && toks[a].norm !== 'an') a--;
      if (toks[a]?.norm === 'a' || toks[a]?.norm === 'an') {
        direction = CHANGE_NOUNS.get(noun.norm)!;
        anchor = b - 2;
        const before = toks[a - 1];
        if (before?.text === ',') span = mainSubject(toks, a - 1);
        else if (before && /^(saw|recorded|posted|registered|experienced|showed|marked|had)$/.test(before.norm)) span = subjectBefore(toks, a - 1);
      }
    }
  } else if ((toks[b - 1]?.norm === 'up' || toks[b - 1]?.norm === 'down') && q.unit !== 'money') {
    direction = toks[b - 1].norm === 'up' ? 1 : -1;
    anchor = b - 1;
    const v = toks[b - 2];
    if (v?.text === ',') span = mainSubject(toks, b - 2);
    else if (v && /^(is|was|are|were)$/.test(v.norm)) span = subjectBefore(toks, b - 2);
  } else if (q.unit === 'percent' && CHANGE_VERBS.has(toks[b - 1]?.norm ?? '') && !/^(up|down)$/.test(toks[b - 1].norm)) {
    direction = CHANGE_VERBS.get(toks[b - 1].norm)!;
    anchor = b - 1;
    span = subjectBefore(toks, anchor);
  }
  if (!direction || !span) return undefined;
  const r = resolveSpan(input, span, text);
  if (!r || !r.ids.length || !r.words.length) return undefined;
  return { kind: 'change', subject: subjectKey(r), metric: r.words, whole: [], subjectText: r.text, wholeText: '', period: undefined, tense: tenseOf(toks, anchor), direction, anchor };
}

function levelFrame(input: SentenceInput, q: Quantity, text: string): Frame | undefined {
  if (q.unit === 'count' && !q.noun) return undefined;
  const { toks } = input;
  // "breaking through $360 billion", "exceeded $1 trillion": the bound is the verb
  const verb = phraseEndingAt(toks, q.q0, LEVEL_VERBS) ?? (q.q0 < q.t0 ? phraseEndingAt(toks, q.t0, LEVEL_VERBS) : undefined);
  let span: [number, number] | undefined;
  let anchor = -1;
  if (verb) {
    anchor = verb.at;
    if (verb.words.length === 1 && verb.words[0] === 'at') {
      if (toks[verb.at - 1]?.text !== ',') return undefined;
      span = spanBack(toks, verb.at - 2);
    } else {
      span = subjectBefore(toks, verb.at);
    }
  } else if (q.unit === 'count' && /^(has|have|had|having)$/.test(toks[q.q0 - 1]?.norm ?? '')) {
    anchor = q.q0 - 1;
    span = subjectBefore(toks, anchor);
  }
  if (!span) return undefined;
  if (q.unit === 'percent') {
    const share = shareAsLevel(input, span, anchor, text);
    if (share) return share;
  }
  const r = resolveSpan(input, span, text);
  if (!r || !r.ids.length) return undefined;
  const metric = q.unit === 'count' ? [...new Set([...r.words, q.noun!])].sort() : r.words;
  if (!metric.length) return undefined;
  return { kind: 'level', subject: subjectKey(r), metric, whole: [], subjectText: r.text, wholeText: '', period: undefined, tense: tenseOf(toks, anchor), direction: 0, anchor, subjectSpan: span };
}

/** Period of a figure: stated in its clause or sentence, else implied by the paragraph. null when ambiguous. */
function periodFor(input: SentenceInput, q: Quantity): string | undefined | null {
  const { periods, toks } = input;
  const keys = new Set(periods.map((p) => p.key));
  if (keys.size === 1) return [...keys][0];
  if (keys.size === 0) {
    // "after the cut, …", "currently …": a moment of its own, not the paragraph's year
    const marker = toks.find((t) => t.kind === 'word' && TEMPORAL.has(t.norm));
    if (marker) return `rel:${/^(now|currently|today|presently)$/.test(marker.norm) ? 'now' : marker.norm}`;
    return input.inherited;
  }
  // several periods: the one in the figure's clause
  if (periods.length > 12) return null;
  const { end } = marks(toks);
  let a = q.t0;
  while (a > 0 && !end[a - 1] && q.t0 - a < WINDOW) a--;
  let b = q.t1;
  while (b < toks.length && !end[b] && b - q.t1 < WINDOW) b++;
  const inClause = new Set(periods.filter((p) => p.t0 >= a && p.t1 <= b).map((p) => p.key));
  if (inClause.size === 1) return [...inClause][0];
  if (inClause.size > 1) return null;
  // a sentence-initial "In 2022, …" covers the sentence unless another clause has its own
  const first = periods[0];
  if (first && first.t0 <= 2 && toks[first.t1]?.text === ',') return first.key;
  return null;
}

const TEMPORAL = new Set(['after', 'before', 'following', 'once', 'until', 'previously', 'formerly', 'originally', 'initially', 'later', 'subsequently', 'now', 'currently', 'today', 'presently', 'recently', 'earlier', 'since', 'prior', 'thereafter', 'meanwhile']);

