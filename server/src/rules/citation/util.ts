import type { Paper } from '../../core/paper';

export function docsPath(id: string): string {
  return `docs/rules/${id}.md`;
}

/** 1-based line of a source offset, for messages. */
export function lineOf(paper: Paper, offset: number): number {
  return paper.lines.positionAt(offset).line + 1;
}

export function q(s: string): string {
  return `“${s}”`;
}

/** Shortens a phrase for a message: the first `max` characters and an ellipsis. */
export function clip(s: string, max = 60): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : one.slice(0, max - 1).replace(/\s+\S*$/, '') + '…';
}
