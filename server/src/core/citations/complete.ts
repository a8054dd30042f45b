import type { AnalysisResult } from '../analyze';
import type { OffsetRange } from '../types';
import { proseIndexAt } from './markers';
import { bibliographyKeys, type BibliographyKey } from './query';
import type { ReferenceEntry } from './types';

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

export interface ReferenceCompletion {
  /** Source range of what was typed of the current citation: from after `(` or `; ` to the cursor. */
  range: OffsetRange;
  prefix: string;
  /** Entries of the reference list, each with the citation to insert ("Lee and Park, 2021"). */
  entries: { entry: ReferenceEntry; citation: string }[];
}

/**
 * Completion of author–year citations inside a parenthesis, in a paper that cites author–year and has a
 * reference list: after `(` or `; ` (with the start of a name typed, or nothing), each entry of the list. The
 * citation inserted is written as the paper already cites that entry; for an entry not cited yet, it is formed
 * from the entry's authors ("Mensah, A." → Mensah; "Lee, S. and Park, J." → Lee and Park; three or more → "Lee et
 * al.") — an entry whose authors cannot be read that way is left out. Null outside such a parenthesis. Pure.
 */
export function referenceCompletion(result: AnalysisResult, offset: number): ReferenceCompletion | null {
  const ledger = result.ledgers.citations;
  if (ledger.style !== 'author-year' || !ledger.references.length) return null;
  const text = result.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(Math.max(lineStart, offset - 300), offset);
  const open = before.lastIndexOf('(');
  if (open < 0 || before.indexOf(')', open) >= 0) return null;
  const inside = before.slice(open + 1);
  const semi = inside.lastIndexOf(';');
  const lead = semi >= 0 ? inside.slice(semi + 1) : inside;
  const prefix = lead.trimStart();
  // the start of a name, or nothing yet; an earlier item must look like a citation ("Mensah, 2020")
  if (!/^(?:[\p{Lu}\p{Lo}][\p{L}\p{M}'’.\- ]{0,60})?$/u.test(prefix)) return null;
  if (semi >= 0 && !/\d{4}|n\.\s?d\./.test(inside.slice(0, semi))) return null;
  const start = offset - prefix.length;
  // the parenthesis must be prose (not code, a link's address or the front matter)
  const parenAt = offset - before.length + open;
  const block = result.paper.blockAt(parenAt);
  if (!block) return null;
  const p = proseIndexAt(block, parenAt);
  if (p < 0 || block.text[p] !== '(') return null;
  // how the paper already cites each entry
  const asCited = new Map<ReferenceEntry, string>();
  for (const m of ledger.markers) {
    if (m.kind !== 'author-year' && m.kind !== 'narrative') continue;
    for (const item of m.items) {
      const e = ledger.matchReference(item);
      if (e && item.authors && !asCited.has(e)) asCited.set(e, item.authors);
    }
  }
  const entries: ReferenceCompletion['entries'] = [];
  for (const entry of ledger.references) {
    const authors = asCited.get(entry) ?? citedForm(entry.authors);
    if (authors) entries.push({ entry, citation: `${authors}, ${entry.year}` });
  }
  return { range: { start, end: offset }, prefix, entries };
}

const INITIALS = /^(?:\p{Lu}\.?[\s-]*){1,4}$/u;

/**
 * The authors of a reference entry as an author–year citation names them, or undefined when that cannot be read
 * with confidence: "Mensah, A." → "Mensah"; "Lee, S. and Park, J." → "Lee and Park"; "Zhang Xiaojun and Ma
 * Xiaoqing" → "Zhang Xiaojun and Ma Xiaoqing"; "OECD" → "OECD"; three or more authors → "Brennan et al.".
 */
export function citedForm(authors: string): string | undefined {
  const names: string[] = [];
  for (const part of authors.replace(/\s*,?\s*(?:&|\band\b)\s*/g, ';').split(';')) {
    const bits = part.split(',').map((b) => b.trim()).filter(Boolean);
    if (!bits.length) continue;
    if (bits.length === 1) {
      names.push(bits[0]);
      continue;
    }
    // "Family, I., Family, I." (APA lists): families alternate with initials
    for (let k = 0; k < bits.length; k += 2) {
      if (!bits[k + 1] || !INITIALS.test(bits[k + 1])) return undefined;
      names.push(bits[k]);
    }
  }
  if (!names.length || names.some((n) => !/^[\p{Lu}\p{Lo}][\p{L}\p{M}'’.\- ]*$/u.test(n) || n.split(/\s+/).length > 4)) return undefined;
  if (names.length === 1) return names[0];
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  return `${names[0]} et al.`;
}
