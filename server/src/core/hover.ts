import type { AnalysisResult } from './analyze';
import type { OffsetRange } from './types';

export interface HoverResult {
  /** Markdown card. */
  markdown: string;
  /** Source range of the hovered term. */
  range: OffsetRange;
}

/** The hover card for whatever sits at `offset` (an acronym or framework name), or null. */
export function hoverAt(result: AnalysisResult, offset: number): HoverResult | null {
  void result;
  void offset;
  return null;
}
