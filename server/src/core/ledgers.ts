import type { Paper } from './paper';
import { AnalysisCache } from './cache';
import type { KnowledgeBase } from '../kb/types';
import type { ResolvedConfig } from './config';
import { acronymLedgerSteps, type AcronymLedger } from './acronyms/ledger';
import { citationLedgerSteps, type CitationLedger, type CitationLedgerOptions } from './citations/ledger';
import { figureLedgerSteps, type FigureLedger } from './numbers/ledger';
import type { Steps } from './steps';

/** Document-wide indexes every rule shares, rebuilt from the paper's blocks. */
export interface Ledgers {
  acronyms: AcronymLedger;
  citations: CitationLedger;
  /** Quantities, what they measure, stated list counts and membership statements (the number rules). */
  figures: FigureLedger;
}

/** The document-wide ledgers every rule shares, built from the paper's blocks (steps). */
export function* ledgerSteps(paper: Paper, kb: KnowledgeBase, _config: ResolvedConfig, options: CitationLedgerOptions = {}, cache: AnalysisCache = new AnalysisCache()): Steps<Ledgers> {
  const acronyms = yield* acronymLedgerSteps(paper, kb, cache);
  const citations = yield* citationLedgerSteps(paper, options, cache);
  const figures = yield* figureLedgerSteps(paper, kb, acronyms, cache);
  return { acronyms, citations, figures };
}
