/**
 * The figures ledger: every quantity of the paper with what it measures, grouped by measure, plus the paper's
 * stated list counts and membership statements. Built once per analysis from the paper's blocks, in one pass
 * over the sentences that contain a number (linear in the text).
 */
import { AnalysisCache } from '../cache';
import { hashString, NeedleSet } from '../text';
import { runSync, type Steps } from '../steps';
import type { Paper, ProseBlock, Section } from '../paper';
import type { OffsetRange } from '../types';
import type { KnowledgeBase } from '../../kb/types';
import type { AcronymLedger } from '../acronyms/ledger';
import { tokenize, type Tok } from './tokens';
import { findQuantities, type Quantity } from './quantities';
import { entityIndex, type Entity, type EntityIndex } from './entities';
import { framesOf, type Frame } from './frames';
import { periodMentions } from './periods';
import { listCandidatesIn, placeListClaims, type ListCandidate, type ListClaim } from './lists';
import { findMemberClaims, type MemberClaim } from './members';
import { displayCountry } from './countries';

export interface Figure {
  index: number;
  block: ProseBlock;
  /** Index of the sentence in its block. */
  sentence: number;
  quantity: Quantity;
  /** Source range of the figure ("$418.6 billion", "31.8%"). */
  range: OffsetRange;
  /** Source range of the number alone ("418.6"). */
  numberRange: OffsetRange;
  frame: Frame | undefined;
  /** Measure key: figures with the same key state the same measure. */
  key: string | undefined;
  /** What the figure measures, for messages ("South Korea’s share of China's total foreign trade in 2022"). */
  measure: string | undefined;
}

export interface LocatedMemberClaim extends MemberClaim {
  block: ProseBlock;
  /** Prose offset of the claim in its block. */
  start: number;
  /** The sentence the claim is in. */
  sentence: string;
  /** Source range of the claim (count phrase or the list inside the parentheses). */
  range: OffsetRange;
  /** Source range and text of the number (count, overlap). */
  numberRange?: OffsetRange;
  numberText?: string;
  /** The phrase as written. */
  text: string;
}

export interface FigureLedger {
  /** Every quantity in document order. */
  figures: Figure[];
  /** Figures grouped by measure key, each group in document order. */
  byKey: Map<string, Figure[]>;
  listClaims: ListClaim[];
  memberClaims: LocatedMemberClaim[];
  entities: EntityIndex;
  /** The figure whose range contains a source offset. */
  figureAt(offset: number): Figure | undefined;
}

const NUMBER_WORD = /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozen)\b/i;

/** Built-in expansions of economic acronyms, for comparing wholes written both ways. */
const BUILTIN_LONG_FORMS: [string, string][] = [
  ['gross domestic product', 'gdp'],
  ['foreign direct investment', 'fdi'],
  ['gross national income', 'gni'],
  ['official development assistance', 'oda'],
  ['research and development', 'r&d'],
  ['small and medium-sized enterprises', 'sme'],
  ['small and medium enterprises', 'sme'],
];

export function buildFigureLedger(paper: Paper, kb: KnowledgeBase, acronyms: AcronymLedger | undefined, cache: AnalysisCache = new AnalysisCache()): FigureLedger {
  return runSync(figureLedgerSteps(paper, kb, acronyms, cache));
}

/** `buildFigureLedger` as steps: it yields between blocks. */
export function* figureLedgerSteps(paper: Paper, kb: KnowledgeBase, acronyms: AcronymLedger | undefined, cache: AnalysisCache = new AnalysisCache()): Steps<FigureLedger> {
  const entities = cache.memo('entity index', '', () => entityIndex(kb));
  const normalizer = wordNormalizer(acronyms);
  const normalizeWords = normalizer.normalize;
  const figures: Figure[] = [];
  const listClaims: ListClaim[] = [];
  const memberClaims: LocatedMemberClaim[] = [];
  /** The one period a section's title names (null: several), cached by the title. */
  const sectionPeriod = (s: Section | undefined): string | undefined | null =>
    s &&
    cache.memo('section period', s.title, () => {
      const keys = new Set(periodMentions(tokenize(s.title), () => false).map((p) => p.key));
      return keys.size === 1 ? [...keys][0] : keys.size ? null : undefined;
    });

  // the frames depend on the paper's acronym definitions through the word normaliser, but each sentence only on
  // the long forms it may contain: their part of the normaliser (its scope) is in the frames' cache key, so that
  // editing one definition re-frames only the sentences that could spell it out (cached for a given normaliser)
  const normalizerId = hashString(normalizer.signature);
  const scopeNamespace = `normalizer scope ${normalizerId}`;
  const pause = cache.pacer();
  for (const block of paper.blocks) {
    if (pause()) yield;
    if (block.section?.isReferences && block.kind !== 'heading') continue;
    const text = block.text;
    if (!/\d/.test(text) && !NUMBER_WORD.test(text) && !text.includes('(')) continue;
    // the context goes in the namespace, the key is the block's text itself (a string whose hash V8 keeps; the text
    // inside a longer key would cost its length per sentence: quadratic in a long paragraph)
    const facts = cache.memo(`figure sentences ${block.kind}`, text, () => sentenceFacts(block, entities));
    const measurable = block.kind === 'paragraph' && !block.inQuote;
    const seen = new Set<string>();
    let ambiguous = false;
    block.sentences.forEach((s, si) => {
      const f = facts[si];
      if (!f) return;
      const { ents, periods, quantities } = f;
      if (f.lists.length) listClaims.push(...placeListClaims(paper, block, f.lists));
      for (const c of f.memberClaims) memberClaims.push(locateClaim(paper, block, c, s.text));
      let inherited: string | undefined | null;
      if (ambiguous || seen.size > 1) inherited = null;
      else if (seen.size === 1) inherited = [...seen][0];
      else inherited = sectionPeriod(block.section);
      // each quantity's frame, with its ledger key and description (the entities are the knowledge base's)
      const context = inherited === null ? '\u0000' : inherited === undefined ? '\u0001' : inherited;
      const frame = () => {
        // the tokens are not kept with the sentence's facts (they would hold most of the cache): made again
        const toks = tokenize(text, s.start, s.end);
        const frames = framesOf({ toks, quantities, entities: ents, periods, inherited, normalizeWords }, text);
        return quantities.map((q, qi) => {
          const frame = frames[qi];
          return frame ? { frame, key: keyOf(frame, q), measure: describe(frame, entities) } : undefined;
        });
      };
      // cached by the whole normaliser (one lookup while the definitions stay the same), and below that by the
      // sentence's scope (after a definition changed, only the sentences whose scope changed are framed again)
      const byScope = () => cache.memo(`figure frames ${block.kind}\u0002${context}\u0002${cache.memo(scopeNamespace, s.text, () => normalizer.scope(s.text))}\u0002${si}`, text, frame);
      const framed = measurable && quantities.length ? cache.memo(`figure frames ${block.kind}\u0002${context}\u0002${normalizerId}\u0002${si}`, text, byScope) : [];
      quantities.forEach((q, qi) => {
        const frame = framed[qi]?.frame;
        const key = framed[qi]?.key;
        figures.push({
          index: figures.length,
          block,
          sentence: si,
          quantity: q,
          range: paper.sourceRange(block, q.start, q.end),
          numberRange: paper.sourceRange(block, q.numberStart, q.numberEnd),
          frame,
          key,
          measure: framed[qi]?.measure,
        });
      });
      for (const p of periods) seen.add(p.key);
      if (periods.length && new Set(periods.map((p) => p.key)).size > 1) ambiguous = true;
    });
  }

  const byKey = new Map<string, Figure[]>();
  for (const f of figures) {
    if (!f.key) continue;
    let list = byKey.get(f.key);
    if (!list) byKey.set(f.key, (list = []));
    list.push(f);
  }
  const sorted = figures.slice().sort((a, b) => a.range.start - b.range.start);
  return {
    figures,
    byKey,
    listClaims,
    memberClaims,
    entities,
    figureAt(offset) {
      let lo = 0;
      let hi = sorted.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const f = sorted[mid];
        if (offset < f.range.start) hi = mid - 1;
        else if (offset > f.range.end) lo = mid + 1;
        else return f;
      }
      return undefined;
    },
  };
}

/** Every other mention of the measure of the figure at `offset` (for the hover), in document order. */
export function figureMentionsAt(result: { ledgers: { figures: FigureLedger } }, offset: number): { figure: Figure; mentions: Figure[] } | undefined {
  const figure = result.ledgers.figures.figureAt(offset);
  if (!figure) return undefined;
  const mentions = figure.key ? (result.ledgers.figures.byKey.get(figure.key) ?? []).filter((f) => f !== figure) : [];
  return { figure, mentions };
}

function keyOf(frame: Frame, q: Quantity): string {
  const unit = q.unit === 'money' ? `money:${q.currency}` : q.unit === 'count' ? `count:${q.noun}` : q.unit;
  const period = frame.period ?? `?${frame.tense}`;
  const subject = frame.subject.join('+');
  const metric = frame.metric.join(' ');
  if (frame.kind === 'share') return `share|${frame.whole.join(' ')}|${subject}|${metric}|${period}`;
  if (frame.kind === 'change') return `change|${unit}|${frame.direction}|${subject}|${metric}|${period}`;
  return `level|${unit}|${subject}|${metric}|${period}`;
}

function periodText(p: string | undefined): string {
  if (!p) return '';
  if (p.startsWith('rel:')) return ` (${p.slice(4)})`;
  const m = /^(\d{4}):(.*)$/.exec(p);
  if (m) return ` (${m[2]} of ${m[1]})`;
  return ` in ${p}`;
}

function describe(frame: Frame, entities: EntityIndex): string {
  if (frame.kind === 'share') {
    const names = frame.subject.map((id) => (id.startsWith('country:') ? displayCountry(id.slice(8)) : entities.display(id)));
    const part = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
    return `${part}${/s$/.test(part) ? '’' : '’s'} share of ${frame.wholeText}${periodText(frame.period)}`;
  }
  if (frame.kind === 'change') return `the ${frame.direction > 0 ? 'increase' : 'decrease'} in ${frame.subjectText}${periodText(frame.period)}`;
  return `${frame.subjectText}${periodText(frame.period)}`;
}

/** A membership claim with the prose offsets of its phrase and number (what placing it needs of the tokens). */
interface MemberClaimAt {
  claim: MemberClaim;
  start: number;
  end: number;
  number?: { start: number; end: number };
}

function memberClaimAt(toks: Tok[], c: MemberClaim): MemberClaimAt {
  const at: MemberClaimAt = { claim: c, start: toks[c.t0].start, end: toks[c.t1 - 1].end };
  if (c.numberTok !== undefined) {
    const t = toks[c.numberTok];
    const m = /^(\w+?)(?=[-‐])/.exec(t.text);
    at.number = { start: t.start, end: m ? t.start + m[1].length : t.end };
  }
  return at;
}

function locateClaim(paper: Paper, block: ProseBlock, at: MemberClaimAt, sentence: string): LocatedMemberClaim {
  const { claim: c, start, end } = at;
  const out: LocatedMemberClaim = { ...c, block, start, sentence, range: paper.sourceRange(block, start, end), text: block.text.slice(start, end) };
  if (at.number) {
    out.numberRange = paper.sourceRange(block, at.number.start, at.number.end);
    out.numberText = block.text.slice(at.number.start, at.number.end);
  }
  return out;
}

/**
 * Citations and bracketed spans whose numbers are not figures: "(ASEAN Secretariat, 2023)", "(Lee and Park
 * 2022)", "(2024)", "[7]", "[@key]". Returns sorted [start, end) spans of prose offsets. One linear scan.
 */
export function maskedSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') stack.push(i);
    else if ((c === ')' || c === ']') && stack.length) {
      const open = stack.pop()!;
      if (i - open > 300) continue;
      const inner = text.slice(open + 1, i);
      if (c === ']' || text[open] === '[') {
        if (i - open <= 120) out.push([open, i + 1]);
        continue;
      }
      if (/^\s*(1[6-9]|20)\d\d[a-z]?(?:,\s*pp?\.\s*[\d–-]+)?\s*$/.test(inner) || (/\b(1[6-9]|20)\d\d[a-z]?\b/.test(inner) && /\p{Lu}\p{Ll}|\bet al\b|\p{Lu}{2,}/u.test(inner) && !/[%$€£¥]|\bpercent\b/.test(inner) && inner.length <= 160)) {
        out.push([open, i + 1]);
      }
    }
  }
  out.sort((a, b) => a[0] - b[0]);
  // nested spans merge into disjoint ones, so that a binary search answers "inside?"
  const merged: [number, number][] = [];
  for (const s of out) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

function inSpans(spans: [number, number][], pos: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pos < spans[mid][0]) hi = mid - 1;
    else if (pos >= spans[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** What a block's sentences hold, from its text alone (cached by kind and text); undefined for sentences skipped. */
interface SentenceFacts {
  /** Token indexes below are into `tokenize(text, sentence.start, sentence.end)` (not kept: made again when needed). */
  ents: Entity[];
  periods: ReturnType<typeof periodMentions>;
  quantities: Quantity[];
  numeric: boolean;
  memberClaims: MemberClaimAt[];
  /** The list claims the sentence makes ("four priorities: …"). */
  lists: ListCandidate[];
}

function sentenceFacts(block: ProseBlock, entities: EntityIndex): (SentenceFacts | undefined)[] {
  const text = block.text;
  const masked = maskedSpans(text);
  const isMasked = (t: Tok) => inSpans(masked, t.start);
  return block.sentences.map((s) => {
    if (!/\d/.test(s.text) && !NUMBER_WORD.test(s.text) && !s.text.includes('(')) return undefined;
    const toks = tokenize(text, s.start, s.end);
    const ents = entities.find(toks).filter((e) => !isMasked(toks[e.t0]));
    const periods = periodMentions(toks, isMasked);
    const numeric = /\d/.test(s.text) || NUMBER_WORD.test(s.text);
    const quantities = numeric ? findQuantities(toks, text, isMasked) : [];
    const memberClaims = block.kind !== 'tableCell' ? findMemberClaims(toks, ents).map((c) => memberClaimAt(toks, c)) : [];
    const lists = numeric && block.kind === 'paragraph' ? listCandidatesIn(text, block.sentences, s, toks) : [];
    return { ents, periods, quantities, numeric, memberClaims, lists };
  });
}

interface WordNormalizer {
  /** Maps word sequences that spell a defined or well-known long form to the acronym ("foreign direct investment" → "fdi"). */
  normalize(words: string[]): string[];
  /** Every long form and its acronym, in the order they are tried: equal signatures, equal normalisers. */
  signature: string;
  /**
   * The part of the normaliser a sentence's words can reach: the long forms whose first word the sentence may
   * contain, as a string of hashes of them (empty when none). Two normalisers with the same scope map the
   * sentence's words alike.
   */
  scope(sentence: string): string;
}

/** Greek final sigma lower-cases by its context: compared as a plain sigma. */
const foldSigma = (s: string) => (s.includes('ς') ? s.replace(/ς/g, 'σ') : s);

/**
 * The first of the long forms that the words spell from `i` on (each word as written, with an "s" added or its
 * final "s" dropped). A function of its own: a closure in the loop over words would make V8 allocate the loop's
 * index for every word.
 */
function formAt(list: { words: string[]; acronym: string }[], words: string[], i: number): { words: string[]; acronym: string } | undefined {
  return list.find((f) => f.words.every((w, k) => words[i + k] === w || words[i + k] === `${w}s` || `${words[i + k]}s` === w));
}

function wordNormalizer(acronyms: AcronymLedger | undefined): WordNormalizer {
  const forms = new Map<string, { words: string[]; acronym: string }[]>();
  const add = (long: string, acronym: string) => {
    const words = long.toLowerCase().split(/[\s\-‐]+/).filter(Boolean);
    if (words.length < 2) return;
    let list = forms.get(words[0]);
    if (!list) forms.set(words[0], (list = []));
    list.push({ words, acronym: acronym.toLowerCase() });
  };
  for (const [l, a] of BUILTIN_LONG_FORMS) add(l, a);
  for (const d of acronyms?.definitions ?? []) add(d.longForm, d.acronym.replace(/s$/, ''));
  // longest first (a stable sort: forms of one length stay in the order they were added)
  for (const list of forms.values()) list.sort((a, b) => b.words.length - a.words.length);
  // by first word: the forms tried at it, and what a sentence must contain to have that word (a word matches the
  // first word itself, with an "s" added or with its final "s" dropped: it holds the first word less a final "s",
  // and every word is a lower-cased piece of the sentence)
  const entries = [...forms].map(([first, list]) => {
    const signature = `${first}\u0001${list.map((f) => `${f.words.join(' ')}\u0003${f.acronym}`).join('\u0001')}`;
    // a scope names each entry by a hash of its signature: hundreds of long forms that share a first word make one
    // entry whose signature runs to kilobytes, and a sentence's scope (part of a cache key) would repeat it
    return { stem: foldSigma(first.endsWith('s') ? first.slice(0, -1) : first), signature, id: hashString(signature) };
  });
  let stems: NeedleSet | undefined;
  return {
    normalize(words) {
      const out: string[] = [];
      for (let i = 0; i < words.length; i++) {
        const list = forms.get(words[i]);
        const hit = list && formAt(list, words, i);
        if (hit) {
          out.push(hit.acronym);
          i += hit.words.length - 1;
        } else {
          out.push(words[i]);
        }
      }
      return out;
    },
    signature: entries.map((e) => e.signature).join('\u0002'),
    scope(sentence) {
      const lower = foldSigma(sentence.toLowerCase());
      // a paper with many definitions has hundreds of stems: found in one pass over the sentence (made on the
      // first sentence that needs it: an edit that changes no sentence with figures needs none)
      stems ??= new NeedleSet(entries.map((e) => e.stem));
      let scope = '';
      for (const i of stems.occurrences(lower)) scope += `${entries[i].id}\u0002`;
      return scope;
    },
  };
}

export type { Entity };
