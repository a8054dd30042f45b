import type { Paper } from '../../core/paper';
import type { OffsetRange } from '../../core/types';

/** 1-based line of a source offset, for messages. */
export function lineOf(paper: Paper, offset: number): number {
  return paper.lines.positionAt(offset).line + 1;
}

export function q(s: string): string {
  return `“${s}”`;
}

export function docsPath(id: string): string {
  return `docs/rules/${id}.md`;
}

/** "line 12", "lines 12 and 30", "lines 4, 12 and 30". */
export function linesText(paper: Paper, ranges: OffsetRange[]): string {
  const lines = [...new Set(ranges.map((r) => lineOf(paper, r.start)))].sort((a, b) => a - b);
  if (lines.length === 1) return `line ${lines[0]}`;
  return `lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}`;
}

/** "A", "A and B", "A, B and C". */
export function joinAnd(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The first line of a source range (related locations are shown on one line). */
export function firstLine(text: string, r: OffsetRange): OffsetRange {
  // a line ends at LF, CR or CRLF (never between the CR and the LF)
  let end = r.end;
  for (let i = r.start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) end = i;
  }
  return { start: r.start, end };
}

/** A number for messages: 105, 113.9. */
export function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}
