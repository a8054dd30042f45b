import { AnalysisCache } from '../cache';
import type { Steps } from '../steps';
import type { Paper, ProseBlock } from '../paper';
import type { OffsetRange } from '../types';
import type { KbEntry, KnowledgeBase } from '../../kb/types';
import { isCapsWord, isCommonAcronym, isCountryCode, isUnit } from '../../kb/index';
import { acronymTokens, type AcronymToken } from './tokens';
import { findDefinitions, type DefinitionMatch } from './definitions';
import { normalWords } from './longform';
import { misspellingSteps, type MisspellingTarget } from './misspelling';

export interface AcronymUse extends AcronymToken {
  /** Source range of the base form. */
  range: OffsetRange;
}

export interface AcronymDefinition extends DefinitionMatch {
  block: ProseBlock;
  /** Source ranges. */
  acronymRange: OffsetRange;
  longRange: OffsetRange;
  span: OffsetRange;
  /** How the expansion compares with the knowledge base. */
  kb: KbEntry | undefined;
  /** 'match': the expansion is the entry's name or an alias (or a shortening of one); 'conflict': it is not. */
  kbStatus: 'match' | 'conflict' | 'unknown';
  /** Another knowledge-base entry whose name the expansion is (e.g. the expansion of a different acronym). */
  otherEntry: KbEntry | undefined;
}

export interface AcronymRecord {
  acronym: string;
  definitions: AcronymDefinition[];
  /** Every occurrence that is not the acronym of a definition, in document order. */
  uses: AcronymUse[];
  kb: KbEntry | undefined;
}

export interface AcronymLedger {
  records: Map<string, AcronymRecord>;
  /** All definitions in document order. */
  definitions: AcronymDefinition[];
  /** All tokens (uses and the acronyms of definitions) in document order. */
  tokens: AcronymUse[];
  /** An acronym token at a source offset. */
  tokenAt(offset: number): AcronymUse | undefined;
  /** True for tokens that are ordinary words, units, numerals or country codes rather than acronyms. */
  isOrdinary(acronym: string): boolean;
  /** Tokens that look like misspellings of a defined or known acronym, with what they may have meant. */
  misspellings: Map<string, MisspellingTarget[]>;
}

/** Short names of members that glosses use ("Australia, the UK and the US" for AUKUS). */
const MEMBER_ABBREVIATIONS: Record<string, string[]> = {
  'united states': ['us', 'usa', 'america'],
  'united kingdom': ['uk', 'britain'],
  'south korea': ['korea', 'rok'],
  'european union': ['eu'],
};

/** Words of the entry's name, aliases and member names, normalised. */
function kbWords(entry: KbEntry): Set<string> {
  const words = new Set<string>();
  for (const n of [entry.name, ...entry.aliases, ...(entry.acronym ? [entry.acronym] : [])]) for (const w of normalWords(n)) words.add(w);
  for (const m of entry.members) {
    for (const w of normalWords(m)) words.add(w);
    for (const a of MEMBER_ABBREVIATIONS[m.toLowerCase()] ?? []) words.add(a);
  }
  return words;
}

/** Words that may be added to an official name without changing what it names. */
const NEUTRAL_WORDS = new Set(['agreement', 'treaty', 'pact', 'accord', 'initiative', 'framework', 'arrangement', 'organization', 'group', 'new']);

export function compareWithKb(longForm: string, entry: KbEntry): 'match' | 'conflict' {
  const words = kbWords(entry);
  const mine = normalWords(longForm);
  const extra = mine.filter((w) => !words.has(w) && !NEUTRAL_WORDS.has(w));
  if (extra.length === 0) return 'match';
  // the same words written with or without hyphens ("Indo Pacific", "Indo-Pacific", "IndoPacific")
  const joined = mine.filter((w) => !NEUTRAL_WORDS.has(w)).join('');
  return [entry.name, ...entry.aliases].some((n) => normalWords(n).join('').includes(joined)) ? 'match' : 'conflict';
}

/** Codes rather than acronyms: "DS544", "EAR99", "HS2" with two or more digits. */
const CODE = /^\p{Lu}+\d{2,}$/u;
const ROMAN = /^(?=[MDCLXVI]{2,}$)M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

/** The cache namespaces of a block's acronym facts, by its kind and whether it is in a reference list. */
const CONTEXTS = Object.fromEntries(
  (['paragraph', 'heading', 'tableCell'] as const).map((kind) => [kind, ['-', 'R'].map((r) => ({ tokens: `acronym tokens ${kind}${r}`, definitions: `acronym definitions ${kind}${r}` }))]),
) as Record<ProseBlock['kind'], { tokens: string; definitions: string }[]>;

/** The acronym ledger of a paper: its acronym tokens and definitions, by acronym, and likely misspellings (steps). */
export function* acronymLedgerSteps(paper: Paper, kb: KnowledgeBase, cache: AnalysisCache = new AnalysisCache()): Steps<AcronymLedger> {
  const isKnownName = (w: string) => kb.byAcronym(w) !== undefined;
  const isKbName = (s: string) => kb.byName(s) !== undefined;
  const tokens: AcronymUse[] = [];
  const definitions: AcronymDefinition[] = [];
  const pause = cache.pacer();
  for (const block of paper.blocks) {
    if (pause()) yield;
    // both depend only on the block's kind, whether it is in a reference list, and its text
    // (the context goes in the namespace: the key is then the block's text itself, a string whose hash V8 keeps)
    const context = CONTEXTS[block.kind][block.section?.isReferences ? 1 : 0];
    for (const t of cache.memo(context.tokens, block.text, () => acronymTokens(block, { isKnownName, isCapsWord }))) {
      // written out rather than spread: one object shape for every token, which the rules read millions of times
      tokens.push({
        acronym: t.acronym,
        proseStart: t.proseStart,
        proseEnd: t.proseEnd,
        block,
        plural: t.plural,
        possessive: t.possessive,
        context: t.context,
        inName: t.inName,
        range: paper.sourceRange(block, t.proseStart, t.proseEnd),
      });
    }
    if (block.kind === 'tableCell') continue;
    // with how each compares with the knowledge base (which the cache is bound to)
    const found = cache.memo(context.definitions, block.text, () =>
      findDefinitions(block, { isKnownName, isKbName }).map((d) => {
        const entry = kb.byAcronym(d.acronym) ?? kb.byAcronymLoose(d.acronym);
        const named = kb.byName(d.longForm);
        const kbStatus: AcronymDefinition['kbStatus'] = entry ? (named === entry ? 'match' : compareWithKb(d.longForm, entry)) : 'unknown';
        return { d, entry, kbStatus, otherEntry: named && named !== entry ? named : undefined };
      }),
    );
    for (const { d, entry, kbStatus, otherEntry } of found) {
      definitions.push({
        acronym: d.acronym,
        form: d.form,
        longForm: d.longForm,
        acronymStart: d.acronymStart,
        acronymEnd: d.acronymEnd,
        longStart: d.longStart,
        longEnd: d.longEnd,
        spanStart: d.spanStart,
        spanEnd: d.spanEnd,
        fits: d.fits,
        block,
        acronymRange: paper.sourceRange(block, d.acronymStart, d.acronymEnd),
        longRange: paper.sourceRange(block, d.longStart, d.longEnd),
        span: paper.sourceRange(block, d.spanStart, d.spanEnd),
        kb: entry,
        kbStatus,
        otherEntry,
      });
    }
  }
  const defAt = new Set(definitions.map((d) => d.acronymRange.start));
  const records = new Map<string, AcronymRecord>();
  const record = (acronym: string): AcronymRecord => {
    let r = records.get(acronym);
    if (!r) {
      r = { acronym, definitions: [], uses: [], kb: kb.byAcronym(acronym) ?? kb.byAcronymLoose(acronym) };
      records.set(acronym, r);
    }
    return r;
  };
  // a new record looks its acronym up in the knowledge base (loosely too): yield now and then
  let n = 0;
  for (const d of definitions) {
    if ((++n & 255) === 0) yield;
    record(d.acronym).definitions.push(d);
  }
  for (const t of tokens) {
    if ((++n & 255) === 0) yield;
    if (defAt.has(t.range.start)) continue;
    record(t.acronym).uses.push(t);
  }
  const sorted = [...tokens].sort((a, b) => a.range.start - b.range.start);
  const ledger: AcronymLedger = {
    records,
    definitions,
    tokens: sorted,
    tokenAt(offset) {
      let lo = 0;
      let hi = sorted.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const t = sorted[mid];
        if (offset < t.range.start) hi = mid - 1;
        else if (offset > t.range.end) lo = mid + 1;
        else return t;
      }
      return undefined;
    },
    isOrdinary(acronym) {
      return isCommonAcronym(acronym) || isCountryCode(acronym) || isUnit(acronym) || isCapsWord(acronym) || ROMAN.test(acronym) || CODE.test(acronym);
    },
    misspellings: new Map(),
  };
  ledger.misspellings = yield* misspellingSteps(ledger, kb, (o) => paper.lines.positionAt(o).line + 1, cache);
  return ledger;
}
