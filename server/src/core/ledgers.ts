import type { Paper } from './paper';
import type { KnowledgeBase } from '../kb/types';
import type { ResolvedConfig } from './config';
import { buildAcronymLedger, type AcronymLedger } from './acronyms/ledger';

/** Document-wide indexes every rule shares, rebuilt from the paper's blocks. */
export interface Ledgers {
  acronyms: AcronymLedger;
}

export function buildLedgers(paper: Paper, kb: KnowledgeBase, _config: ResolvedConfig): Ledgers {
  return { acronyms: buildAcronymLedger(paper, kb) };
}
