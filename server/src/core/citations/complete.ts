import type { AnalysisResult } from '../analyze';
import type { OffsetRange } from '../types';
import { proseIndexAt } from './markers';
import { bibliographyKeys, type BibliographyKey } from './query';

/** A character a Pandoc citation key may hold (its first character is a letter, digit or `_`). */
const KEY_CHAR = /[\p{L}\p{N}_:.#$%&\-+?<>~/]/u;
/** A key Pandoc reads without braces; any other key is inserted as `{key}`. */
const PLAIN_KEY = /^[\p{L}\d_](?:[\p{L}\d_]|[:.#$%&\-+?<>~/](?=[\p{L}\d_]))*$/u;

export interface KeyCompletion {
  /** Source range of the partial key typed so far: from after the `@` to the cursor (empty right after `@`). */
  range: OffsetRange;
  /** The partial key. */
  prefix: string;
  /** Every key of the paper's bibliographies, in file order (empty when none was read); the editor filters. */
  keys: (BibliographyKey & { insertText: string })[];
}

/**
 * Completion of bibliography keys at a cursor offset. Applies after an `@` that starts a citation: `[@`, `[see @`,
 * `; @`, `-@`, or a narrative `@` after a space, a parenthesis or the start of a line, followed by the partial
 * key. Returns null when the cursor is not after such an `@` (an e-mail address `name@`, an `@` inside code,
 * the front matter or an HTML comment, or no `@` at all): then no key completion applies. Pure.
 */
export function keyCompletion(result: AnalysisResult, offset: number): KeyCompletion | null {
  const text = result.text;
  let start = offset;
  while (start > 0 && KEY_CHAR.test(text[start - 1]) && offset - start < 200) start--;
  const at = start - 1;
  if (text[at] !== '@' || !citationStart(text, at)) return null;
  // the `@` must be prose: not code, front matter, HTML or a URL
  const block = result.paper.blockAt(at);
  if (!block) return null;
  const p = proseIndexAt(block, at);
  if (p < 0 || block.text[p] !== '@') return null;
  const prefix = text.slice(start, offset);
  if (/\s/.test(prefix)) return null;
  const keys = bibliographyKeys(result).map((k) => ({ ...k, insertText: PLAIN_KEY.test(k.key) ? k.key : `{${k.key}}` }));
  return { range: { start, end: offset }, prefix, keys };
}

/** True when the `@` at `at` can start a citation key: not preceded by a word character (an e-mail address). */
function citationStart(text: string, at: number): boolean {
  const before = text[at - 1];
  if (before === undefined || /[\s[(;]/.test(before)) return true;
  // `-@key` (suppress the author), at the start of a bracket or an item
  if (before === '-') {
    const b2 = text[at - 2];
    return b2 === undefined || /[\s[;]/.test(b2);
  }
  return false;
}
