import { AnalysisCache } from '../cache';
import { runSync, type Steps } from '../steps';
import type { Paper, ProseBlock, Sentence } from '../paper';
import { splitSentences } from '../sentences';
import type { Fix, OffsetRange } from '../types';
import { loadBibliography, type Bibliography, type BibliographyOptions } from './bibliography';
import { exemptSentence, findQuotes, isBiography, isQuotationClaim, namesProvision, namesSource, sentenceClaims, type Quote, type RawClaim } from './claims';
import { hasBracketedKeys, scanBlock, type BlockScan } from './markers';
import { firstAuthor, nameWords, sameYear } from './names';
import { mapSections, numberedEntry, referenceEntries, type Region } from './references';
import type { Claim, CitationItem, CitationMarker, CitationStyle, NumberedEntry, ReferenceEntry } from './types';

export interface FootnoteDefinition {
  label: string;
  /** Source range of `[^label]:`. */
  range: OffsetRange;
  block: ProseBlock;
}

export interface CitationLedger {
  style: CitationStyle;
  /** Every citation marker outside the reference list, in document order. */
  markers: CitationMarker[];
  /** Entries of the paper's reference list (References / Bibliography / Works cited), when it has one. */
  references: ReferenceEntry[];
  /** Source range of the reference list's heading. */
  referenceListHeading: OffsetRange | undefined;
  /** Numbered notes or references ("1 …", "[2] …", ordered list items in a notes or reference section). */
  numbered: NumberedEntry[];
  bibliography: Bibliography;
  footnoteDefinitions: Map<string, FootnoteDefinition>;
  region(block: ProseBlock): Region;
  /** The reference entry an author–year item points at. */
  matchReference(item: CitationItem): ReferenceEntry | undefined;
  /** Claims that need a source, with whether a citation covers them (computed on first use). */
  claims(): Claim[];
  /** `claims()` as steps (yields between blocks). */
  claimSteps(): Steps<Claim[]>;
  /** Sentences of a block computed with citations and inline notes blanked out. */
  sentences(block: ProseBlock): Sentence[];
  /** The citation marker (and item) at a source offset. */
  markerAt(offset: number): { marker: CitationMarker; item: CitationItem } | undefined;
  /** The quick fix that inserts a citation placeholder for a claim, in the paper's style. */
  placeholderFix(claim: Claim): Fix;
}

export type CitationLedgerOptions = BibliographyOptions;

/** The citation ledger of a paper: markers, reference entries, footnotes, bibliography, claims (steps). */
export function* citationLedgerSteps(paper: Paper, options: CitationLedgerOptions = {}, cache: AnalysisCache = new AnalysisCache()): Steps<CitationLedger> {
  const sections = mapSections(paper);
  const bibliography = loadBibliography(paper.frontMatter, options);
  const pandoc = bibliography.available || /(?:^|\n)\s*(?:bibliography|references)\s*:/.test(paper.frontMatter?.raw ?? '') || paper.blocks.some((b) => b.text.includes('@') && hasBracketedKeys(b.text));
  const markers: CitationMarker[] = [];
  /** Each block's cached scan (relative markers and mask): also the identity the facts derived from it are cached by. */
  const scans = new Map<ProseBlock, RelativeScan>();
  const references: ReferenceEntry[] = [];
  const numbered: NumberedEntry[] = [];
  const footnoteDefinitions = new Map<string, FootnoteDefinition>();

  const pause = cache.pacer();
  for (const block of paper.blocks) {
    if (pause()) yield;
    const region = sections.region(block);
    if (block.footnote !== undefined && !footnoteDefinitions.has(block.footnote)) {
      footnoteDefinitions.set(block.footnote, { label: block.footnote, range: definitionLabelRange(paper, block), block });
    }
    if (block.kind === 'heading') continue;
    if (region === 'references') {
      references.push(...referenceEntries(paper, block));
      const n = numberedEntry(paper, block);
      if (n) numbered.push(n);
      // footnote references inside a reference list still count as uses of their notes
      for (const ref of block.footnoteRefs) markers.push({ kind: 'footnote', block, start: ref.proseOffset, end: ref.proseOffset, range: ref.range, items: [{ start: ref.proseOffset, end: ref.proseOffset, range: ref.range, label: ref.label }], inNote: false });
      continue;
    }
    if (region === 'notes' && block.footnote === undefined) {
      const n = numberedEntry(paper, block);
      if (n) numbered.push(n);
    }
    const scan = cachedScan(paper, block, { pandoc, inNote: region === 'notes' }, cache);
    markers.push(...scan.markers);
    scans.set(block, scan.rel);
  }
  markers.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);

  const style = detectStyle(markers, pandoc, sections.region);
  // entries by year and name word: a lookup touches only the entries that can match (a long paper's reference
  // list holds many entries of one year; scanning them all for every citation was quadratic)
  const order = new Map<ReferenceEntry, number>(references.map((e, i) => [e, i]));
  const byYearWord = new Map<string, ReferenceEntry[]>();
  const yearKey = (y: string) => (y.startsWith('n') ? 'n' : y.slice(0, 4));
  let n = 0;
  for (const e of references) {
    if ((++n & 255) === 0) yield;
    for (const w of e.names) {
      const k = `${yearKey(e.year)}|${w}`;
      const list = byYearWord.get(k);
      if (list) list.push(e);
      else byYearWord.set(k, [e]);
    }
  }
  /** The first entry (in list order) of the same year holding one of `words`. */
  const firstWith = (year: string, words: string[]): ReferenceEntry | undefined => {
    let best: ReferenceEntry | undefined;
    for (const w of words) {
      for (const e of byYearWord.get(`${yearKey(year)}|${w}`) ?? []) {
        if (best !== undefined && order.get(e)! >= order.get(best)!) break;
        if (sameYear(year, e.year)) {
          best = e;
          break;
        }
      }
    }
    return best;
  };
  const matchReference = (item: CitationItem): ReferenceEntry | undefined => {
    if (!item.authors || !item.year || item.unresolvable) return undefined;
    const words = (x: string) => cache.memo('name words', x, () => nameWords(x));
    return firstWith(item.year, words(firstAuthor(item.authors))) ?? firstWith(item.year, words(item.authors));
  };

  const sentenceCache = new Map<ProseBlock, Sentence[]>();
  const sentencesOf = (block: ProseBlock): Sentence[] => {
    let s = sentenceCache.get(block);
    if (!s) {
      const scan = scans.get(block);
      s =
        scan === undefined || block.kind !== 'paragraph'
          ? block.sentences
          : cache.memo('mask sentences', scan, () => splitSentences(scan.mask).map((x) => ({ ...x, text: block.text.slice(x.start, x.end) })));
      sentenceCache.set(block, s);
    }
    return s;
  };

  const markersByBlock = new Map<ProseBlock, CitationMarker[]>();
  for (const m of markers) {
    const list = markersByBlock.get(m.block);
    if (list) list.push(m);
    else markersByBlock.set(m.block, [m]);
  }
  for (const list of markersByBlock.values()) list.sort((a, b) => a.start - b.start);

  let claimCache: Claim[] | undefined;
  const claims = (): Claim[] => claimCache ?? runSync(claimSteps());
  // set only when complete: a run stopped half-way leaves nothing behind
  function* claimSteps(): Steps<Claim[]> {
    if (claimCache) return claimCache;
    const found: Claim[] = [];
    const state: ClaimState = { ownData: yield* ownDataPaper(paper, sections.region, cache), coveredFigures: new Set(), analysisFigures: yield* analysisFigures(paper, sections.region, cache) };
    // the sentence tests are pure functions of the sentence's text: cached across analyses of the document
    const detect: Detectors = {
      claims: (x) => cache.memo('sentence claims', x, () => sentenceClaims(x)),
      namesSource: (x) => cache.memo('names source', x, () => namesSource(x)),
      exempt: (x) => cache.memo('exempt sentence', x, () => exemptSentence(x)),
      quotes: (x) => cache.memo('quotes', x, () => findQuotes(x)),
      figures: (x) => cache.memo('distinctive figures', x, () => distinctiveFigures(x)),
    };
    let leadIn: ProseBlock | undefined;
    let conditionalLeadIn = false;
    const pause = cache.pacer();
    for (const block of paper.blocks) {
      if (pause()) yield;
      if (block.kind === 'paragraph' && !block.inList) {
        leadIn = block;
        // only the end of the lead-in matters: test a bounded tail (a regex over a huge paragraph would be slow)
        const tail = block.text.trimEnd();
        conditionalLeadIn = tail.endsWith(':') && CONDITIONAL_LEAD_IN.test(tail.slice(-300));
      }
      if (block.kind !== 'paragraph' || block.inQuote || block.footnote !== undefined) continue;
      const region = sections.region(block);
      if (region !== 'body' && region !== 'analysis') continue;
      const scan = scans.get(block);
      if (scan === undefined || /^\s*(?:sources?|notes?|data|credit|photo)\s*:/i.test(block.text) || isBiography(block.text)) continue;
      // items of a list of conditions, goals or recommendations ("…if any of the following conditions is met:")
      if (block.inList && leadIn && leadIn.index < block.index && conditionalLeadIn) continue;
      const sentences = sentencesOf(block);
      // the quotations, the text with them blanked and its sentences: fixed for a given scan (cached by it), so the
      // detectors' caches are asked with the same string objects each time
      const plain = cache.memo('claim sentences', scan, () => plainSentences(scan.mask, sentences, detect));
      found.push(...blockClaims(paper, block, scan.mask, sentences, plain, markersByBlock.get(block) ?? [], region === 'analysis', state, detect));
    }
    claimCache = found;
    return found;
  }

  const markerAt = (offset: number) => {
    let lo = 0;
    let hi = markers.length - 1;
    // markers are sorted by start; scan the few whose start is at or before the offset
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (markers[mid].range.start <= offset) lo = mid + 1;
      else hi = mid - 1;
    }
    for (let k = hi; k >= 0 && k >= hi - 8; k--) {
      const m = markers[k];
      if (offset >= m.range.start && offset <= m.range.end) {
        const item = m.items.find((it) => offset >= it.range.start && offset <= it.range.end) ?? m.items[0];
        return { marker: m, item };
      }
    }
    return undefined;
  };

  const placeholderFix = (claim: Claim): Fix => placeholder(paper, claim, style, footnoteDefinitions);

  return {
    style,
    markers,
    references,
    referenceListHeading: sections.referenceListHeading,
    numbered,
    bibliography,
    footnoteDefinitions,
    region: sections.region,
    matchReference,
    claims,
    claimSteps,
    sentences: sentencesOf,
    markerAt,
    placeholderFix,
  };
}

function detectStyle(markers: CitationMarker[], pandoc: boolean, region: (b: ProseBlock) => Region): CitationStyle {
  if (pandoc && markers.some((m) => m.kind === 'pandoc')) return 'pandoc';
  let ay = 0;
  let fn = 0;
  let num = 0;
  let link = 0;
  for (const m of markers) {
    if (region(m.block) !== 'body' && m.kind !== 'footnote') continue;
    if (m.kind === 'author-year' || m.kind === 'narrative') ay++;
    else if (m.kind === 'footnote' || m.kind === 'inline-note') fn++;
    else if (m.kind === 'numeric') num++;
    else if (m.kind === 'link') link++;
  }
  if (pandoc) return 'pandoc';
  if (ay + fn + num === 0) return link ? 'link' : 'none';
  if (ay >= fn && ay >= num) return 'author-year';
  return fn >= num ? 'footnote' : 'numeric';
}

/** A lead-in that ends with a colon and announces conditions, goals or recommendations. */
const CONDITIONAL_LEAD_IN = /\b(?:if|when|whenever|unless|criteria|criterion|conditions?|requirements?|thresholds?|assessed|defined|qualif\w*|recommend\w*|propos\w*|priorit\w*|should|must|goals?|targets?|aims?|objectives?|options?|steps?)\b[^:]*:\s*$/i;
/** A sentence whose subject points back at the previous sentence's source ("It surveyed…", "The margin of error was…"). */
const ANAPHORA = /^(?:It|Its|They|Their|This|These|That|Those|Such|The (?:same|latter|former)\b|The (?:survey|poll|study|report|index|data(?:set|base)?|sample|margin of error|figures?|numbers?|estimates?|paper|analysis|model|results?|findings?|response rate|respondents|authors?)\b|(?:This|That|The) (?:figure|number|share|amount|estimate|rate|total|increase|decline|rise|fall)\b)/;
/** Words of a survey or a dataset: in a paper that presents its own, such figures are the authors' results. */
const DATA_VOCABULARY = /\b(?:respondents?|surveyed|survey|polled|poll|sample|dataset|data set|records|those (?:who|answering|polled|surveyed))\b/i;
const OWN_DATA = /\b(?:conducted|fielded|administered|carried out)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:survey|poll)\b|\b[Oo]ur\s+(?:[\w.-]+\s+)?(?:survey|poll|dataset|database|sample)\b|\b[Ww]e\s+(?:surveyed|polled|collected|compiled|constructed|assembled|coded)\b/;

interface ClaimState {
  /** The paper presents its own survey or dataset. */
  ownData: boolean;
  /** Distinctive figures ("$360 billion", "14.6%") already stated with a citation: a restatement needs none. */
  coveredFigures: Set<string>;
  /** Distinctive figures of the paper's own results sections: a summary that restates them needs no citation. */
  analysisFigures: Set<string>;
}

const FIGURE_IN_TEXT = /[$€£¥]?\s?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(?:%|per\s?cent|percent|percentage points?|million|billion|trillion|bn|mn|tn|thousand)?/gi;

/** The distinctive figures of a text ("$360billion", "14.6%"), in order. */
function distinctiveFigures(s: string): string[] {
  const found: string[] = [];
  FIGURE_IN_TEXT.lastIndex = 0;
  for (let m = FIGURE_IN_TEXT.exec(s); m; m = FIGURE_IN_TEXT.exec(s)) {
    const fk = figureKey(m[0]);
    if (fk?.distinctive) found.push(fk.key);
  }
  return found;
}

function* analysisFigures(paper: Paper, region: (b: ProseBlock) => Region, cache: AnalysisCache): Steps<Set<string>> {
  const out = new Set<string>();
  const pause = cache.pacer();
  for (const b of paper.blocks) {
    if (region(b) !== 'analysis') continue;
    if (pause()) yield;
    const keys = cache.memo('analysis figures', b.text, () => distinctiveFigures(b.text));
    for (const k of keys) out.add(k);
  }
  return out;
}

/**
 * The paper presents its own survey or dataset: it says so ("conducted a survey", "our dataset", "we compiled"), or
 * it is written in the first person and documents a dataset of its own ("the 3.0 dataset identifies…").
 */
function* ownDataPaper(paper: Paper, region: (b: ProseBlock) => Region, cache: AnalysisCache): Steps<boolean> {
  let firstPerson = 0;
  let dataset = false;
  const pause = cache.pacer();
  for (const b of paper.blocks) {
    if (b.kind !== 'paragraph' || region(b) === 'references') continue;
    if (pause()) yield;
    // three patterns over every paragraph: cached by its text
    const f = cache.memo('own data', b.text, () => ({
      says: OWN_DATA.test(b.text),
      firstPerson: (b.text.match(/\b(?:[Ww]e|[Oo]ur)\b/g) ?? []).length,
      dataset: /\b(?:[Tt]he|[Oo]ur) (?:\d+(?:\.\d+)? )?(?:version of the [\w-]+ )?(?:dataset|database)\b/.test(b.text),
    }));
    if (f.says) return true;
    firstPerson += f.firstPerson;
    dataset ||= f.dataset;
  }
  return dataset && firstPerson >= 3;
}

/** "more than $360 billion" → "$360billion"; "14.6 per cent" → "14.6%". */
function figureKey(phrase: string): { key: string; distinctive: boolean } | undefined {
  const m = /([$€£¥]?)\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(%|per\s?cent|percent|percentage points?|million|billion|trillion|bn|mn|tn|thousand)?/i.exec(phrase);
  if (!m) return undefined;
  const unit = (m[3] ?? '').toLowerCase().replace(/^per\s?cent$|^percent$/, '%');
  const digits = m[2].replace(/,/g, '');
  const marked = unit !== '' || m[1] !== '';
  const distinctive = m[2].includes(',') || (marked && (/million|billion|trillion|bn|mn|tn|thousand/.test(unit) || digits.includes('.') || digits.length >= 3));
  return { key: `${m[1]}${digits}${unit}`, distinctive };
}

const FIGURE_KINDS = new Set(['statistic', 'superlative', 'dated event']);

/** Claims of one paragraph: one per sentence (the first phrase that makes it a claim), with coverage. */
/**
 * `scanBlock`, cached. The scan reads the block's prose and its source, and (for an emphasised "**Name** (2019)")
 * the source just before the block on its line; the cache key holds all three, the cached markers hold ranges
 * relative to the block's start and are shifted to where the block is now.
 */
function cachedScan(paper: Paper, block: ProseBlock, options: { pandoc: boolean; inNote: boolean }, cache: AnalysisCache): { markers: CitationMarker[]; rel: RelativeScan } {
  const base = block.range.start;
  const lineStart = paper.text.lastIndexOf('\n', base - 1) + 1;
  // the block's origin stands for its chunk's text, which holds the block and its line up to it: only the
  // character before the line can lie outside the chunk
  const ns = `citation scan ${options.pandoc ? 'P' : '-'}${options.inNote ? 'N' : '-'}${paper.text.slice(Math.max(0, lineStart - 1), lineStart)}`;
  const rel = cache.memo(ns, block.origin ?? block, (): RelativeScan => {
    const scan = scanBlock(paper, block, options);
    return { mask: scan.mask, markers: scan.markers.map((m) => shiftMarker(m, block, -base)) };
  });
  return { markers: rel.markers.map((m) => shiftMarker(m, block, base)), rel };
}

/** A block's scan with marker ranges relative to the block's start (what the cache keeps). */
type RelativeScan = BlockScan;

function shiftMarker(m: CitationMarker, block: ProseBlock, by: number): CitationMarker {
  const shift = (r: OffsetRange): OffsetRange => ({ start: r.start + by, end: r.end + by });
  return { ...m, block, range: shift(m.range), items: m.items.map((it) => ({ ...it, range: shift(it.range) })) };
}

interface Detectors {
  claims(s: string): RawClaim[];
  namesSource(s: string): boolean;
  exempt(s: string): boolean;
  quotes(text: string): Quote[];
  figures(s: string): string[];
}

interface PlainSentences {
  quotes: Quote[];
  /** Each sentence of the mask with quotations blanked, for the detectors and the sentence filters. */
  texts: string[];
}

function plainSentences(mask: string, sentences: Sentence[], detect: Detectors): PlainSentences {
  const quotes = detect.quotes(mask);
  let plain = mask;
  if (quotes.length) {
    const chars = mask.split('');
    for (const q of quotes) for (let k = q.start + 1; k < q.end - 1; k++) chars[k] = ' ';
    plain = chars.join('');
  }
  return { quotes, texts: sentences.map((sent) => plain.slice(sent.start, sent.end)) };
}

function blockClaims(paper: Paper, block: ProseBlock, mask: string, sentences: Sentence[], plain: PlainSentences, markers: CitationMarker[], analysis: boolean, state: ClaimState, detect: Detectors): Claim[] {
  const out: Claim[] = [];
  if (!sentences.length) return out;
  const quotes = plain.quotes;
  // markers are sorted by start: the first at or after `start` decides (binary search)
  const cited = (start: number, end: number) => {
    let lo = 0;
    let hi = markers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (markers[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    return lo < markers.length && markers[lo].start <= end;
  };
  /** Index of the sentence containing a prose offset (the last one starting at or before it), or -1. */
  const indexAt = (offset: number) => {
    let lo = 0;
    let hi = sentences.length - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid].start <= offset) {
        ans = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return ans;
  };
  const last = sentences[sentences.length - 1];
  // a marker between two sentences (after the full stop, or blanked at the end of a line) belongs to the one before
  const reach = (end: number) => {
    const k = indexAt(Math.max(0, end - 1));
    const next = sentences[k + 1];
    return next ? next.start - 1 : block.text.length;
  };
  const paragraphCited = cited(last.start, reach(last.end));
  // a citation that labels the whole block: "Smith and Lee (2019): tariffs were passed through…"
  const first = markers[0];
  const labelled = first !== undefined && (first.kind === 'narrative' || first.kind === 'author-year') && !block.text.slice(0, first.start).trim() && /^\s*[:：—–]/.test(block.text.slice(first.end, first.end + 3));
  const seen = new Set<string>();
  let previousCovered = false;
  let previousOwn = false;
  const sentenceOf = (offset: number) => {
    const k = indexAt(offset);
    return k >= 0 && offset < Math.max(sentences[k].end, sentences[k].start + 1) ? k : -1;
  };
  const quoteBySentence = new Map<number, Quote[]>();
  for (const q of quotes) {
    const k = sentenceOf(q.start);
    if (k < 0) continue;
    const list = quoteBySentence.get(k);
    if (list) list.push(q);
    else quoteBySentence.set(k, [q]);
  }
  sentences.forEach((sent, k) => {
    const s = plain.texts[k];
    const sourced = labelled || detect.namesSource(s) || (previousCovered && ANAPHORA.test(s.trimStart()));
    previousCovered = sourced || cited(sent.start, reach(sent.end));
    if (detect.exempt(s)) return;
    let best: RawClaim | undefined;
    let spanEnd = sent.end;
    const quotesHere = quoteBySentence.get(k) ?? [];
    const provision = quotesHere.length > 0 && namesProvision(s);
    for (const q of quotesHere) {
      if (provision || !isQuotationClaim(mask, q, sent.start, sent.end)) continue;
      const c: RawClaim = { kind: 'quotation', start: q.start - sent.start, end: q.end - sent.start };
      if (!best || c.start < best.start) {
        best = c;
        const endSentence = sentenceOf(q.end - 1);
        spanEnd = endSentence >= 0 ? Math.max(sent.end, sentences[endSentence].end) : sent.end;
      }
    }
    // a sentence outside the results that restates one of their distinctive figures summarises own results
    const ownData = (state.ownData && (DATA_VOCABULARY.test(s) || (previousOwn && ANAPHORA.test(s.trimStart())))) || (state.analysisFigures.size > 0 && detect.figures(s).some((f) => state.analysisFigures.has(f)));
    previousOwn = ownData;
    const citedHere = cited(sent.start, reach(sent.end));
    const found = detect.claims(s).filter((c) => {
      if (FIGURE_KINDS.has(c.kind) && (analysis || ownData)) return false; // the authors' own results
      if (c.kind !== 'statistic' && c.kind !== 'dated event') return true;
      const fk = figureKey(s.slice(c.start, c.end));
      if (!fk) return true;
      const restated = seen.has(fk.key) || (fk.distinctive && (state.coveredFigures.has(fk.key) || state.analysisFigures.has(fk.key)));
      seen.add(fk.key);
      if (fk.distinctive && (citedHere || sourced)) state.coveredFigures.add(fk.key);
      return !restated;
    });
    if (found.length && (!best || found[0].start < best.start)) {
      best = found[0];
      spanEnd = sent.end;
    }
    if (!best || sourced) return;
    const start = sent.start + best.start;
    const end = sent.start + best.end;
    out.push({
      kind: best.kind,
      block,
      start,
      end,
      range: paper.sourceRange(block, start, end),
      phrase: block.text.slice(start, end).replace(/\s+/g, ' ').trim(),
      sentenceStart: sent.start,
      sentenceEnd: spanEnd,
      coveredBySentence: cited(sent.start, reach(spanEnd)),
      coveredByParagraph: paragraphCited,
    });
  });
  return out;
}

function definitionLabelRange(paper: Paper, block: ProseBlock): OffsetRange {
  const lineStart = paper.text.lastIndexOf('\n', block.range.start - 1) + 1;
  const prefix = paper.text.slice(lineStart, block.range.start);
  const m = /\[\^[^\]]+\]:/.exec(prefix);
  if (m) return { start: lineStart + m.index, end: lineStart + m.index + m[0].length - 1 };
  return { start: block.range.start, end: Math.min(block.range.end, block.range.start + 1) };
}

function placeholder(paper: Paper, claim: Claim, style: CitationStyle, defs: Map<string, FootnoteDefinition>): Fix {
  const text = paper.text;
  const block = claim.block;
  const sent = block.text.slice(claim.sentenceStart, claim.sentenceEnd);
  // insert before the sentence's final punctuation (after it for a footnote)
  const m = /[.!?。！？]["'”’»)\]]*$/.exec(sent);
  const punctAt = m ? claim.sentenceStart + m.index : claim.sentenceEnd;
  const afterSentence = paper.sourceRange(block, claim.sentenceStart, claim.sentenceEnd).end;
  const before = m ? paper.sourceRange(block, punctAt, punctAt).start : afterSentence;
  if (style === 'footnote') {
    let n = 1;
    while (defs.has(String(n)) || text.includes(`[^${n}]`)) n++;
    const tail = text.endsWith('\n') ? '' : '\n';
    return {
      title: `Insert a footnote for the source ([^${n}])`,
      edits: [
        { range: { start: afterSentence, end: afterSentence }, newText: `[^${n}]` },
        { range: { start: text.length, end: text.length }, newText: `${tail}\n[^${n}]: Source: TODO.\n` },
      ],
      isSafe: false,
    };
  }
  const insert = style === 'pandoc' ? ' [@TODO]' : ' (Author, Year)';
  return { title: `Insert a citation placeholder${insert.replace(/^ /, ' ')}`, edits: [{ range: { start: before, end: before }, newText: insert }], isSafe: false };
}
