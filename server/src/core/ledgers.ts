import type { Paper } from './paper';
import type { KnowledgeBase } from '../kb/types';
import type { ResolvedConfig } from './config';

export interface Ledgers {}

export function buildLedgers(_paper: Paper, _kb: KnowledgeBase, _config: ResolvedConfig): Ledgers {
  return {};
}
