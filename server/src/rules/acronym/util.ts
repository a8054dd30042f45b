import type { Paper } from '../../core/paper';
import type { AcronymRecord, AcronymUse } from '../../core/acronyms/ledger';

/** 1-based line of a source offset, for messages. */
export function lineOf(paper: Paper, offset: number): number {
  return paper.lines.positionAt(offset).line + 1;
}

export function q(s: string): string {
  return `“${s}”`;
}

/** Uses that count as the author's own prose: not in headings, reference lists, citations or shouted text. */
export function bodyUses(record: AcronymRecord): AcronymUse[] {
  return record.uses.filter((u) => u.context === 'body');
}

export function docsPath(id: string): string {
  return `docs/rules/${id}.md`;
}
