import type { Paper } from './paper';
import { AnalysisCache } from './cache';
import type { KnowledgeBase } from '../kb/types';
import type { ResolvedConfig } from './config';
import { buildAcronymLedger, type AcronymLedger } from './acronyms/ledger';
import { buildCitationLedger, type CitationLedger, type CitationLedgerOptions } from './citations/ledger';
import { buildFigureLedger, type FigureLedger } from './numbers/ledger';

/** Document-wide indexes every rule shares, rebuilt from the paper's blocks. */
export interface Ledgers {
  acronyms: AcronymLedger;
  citations: CitationLedger;
  /** Quantities, what they measure, stated list counts and membership statements (the number rules). */
  figures: FigureLedger;
}

export function buildLedgers(paper: Paper, kb: KnowledgeBase, _config: ResolvedConfig, options: CitationLedgerOptions = {}, cache: AnalysisCache = new AnalysisCache()): Ledgers {
  const acronyms = buildAcronymLedger(paper, kb, cache);
  return { acronyms, citations: buildCitationLedger(paper, options, cache), figures: buildFigureLedger(paper, kb, acronyms, cache) };
}
