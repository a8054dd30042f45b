/**
 * Splits a Markdown document into chunks that parse on their own exactly as they parse inside the whole document,
 * so a paper can be parsed chunk by chunk (micromark's cost grows faster than the text: parsing in pieces keeps the
 * time per KB flat) and an edit re-parses only the chunk it touched (the others come from the cache).
 *
 * A chunk boundary is put only before a line that starts at column 0 after a blank line and cannot continue what
 * came before: not a list marker, a block quote marker, indentation or a setext underline, and not inside front
 * matter, a fenced code or math block or an HTML block that runs to an end marker. That is where CommonMark closes
 * every open block. What a chunk cannot see by itself — link and footnote definitions made elsewhere — is given to
 * it as stub definitions after its end (see `stubsFor`). The scan here is a cheap approximation; `buildPaper`
 * checks each chunk's parse and merges a chunk with the next when it ends inside an unclosed construct, so a wrong
 * guess costs time, never correctness.
 */

import { runSync, type Steps } from './steps';

export interface ChunkSpan {
  start: number;
  end: number;
}

export interface ChunkPlan {
  chunks: ChunkSpan[];
  /** Normalised labels of link reference definitions (`[label]: url`) found outside code. */
  linkLabels: Set<string>;
  /** Normalised labels of footnote definitions (`[^label]: …`) found outside code. */
  footnoteLabels: Set<string>;
}

/** Chunks shorter than this are merged with the next one (each parse has a fixed cost of about 0.1 ms). */
export const MIN_CHUNK_CHARS = 1200;

const LIST_OR_QUOTE = /^(?:[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|>)/;
const SETEXT_OR_BREAK = /^(?:=+|-+|\*+|_+)[ \t]*$/;
const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})(.*)$/;
const MATH_OPEN = /^[ \t]{0,3}\$\$/;
const HTML_RAW = /^[ \t]{0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i;
const HTML_ENDS: [RegExp, RegExp][] = [
  [/^[ \t]{0,3}<!--/, /-->/],
  [/^[ \t]{0,3}<\?/, /\?>/],
  [/^[ \t]{0,3}<![A-Za-z]/, />/],
  [/^[ \t]{0,3}<!\[CDATA\[/, /\]\]>/],
];
const DEFINITION = /^(?:[ \t]|>|[-*+][ \t]|\d{1,9}[.)][ \t])*\[(\^?)((?:[^\]\\\n]|\\.){1,999})\]:/;
const ATX = /^#{1,6}(?:[ \t]|$)/;

/** Label normalisation as CommonMark's: case-folded, inner whitespace collapsed. */
export function normalizeLabel(label: string): string {
  return label.replace(/[ \t\r\n]+/g, ' ').trim().toLowerCase().toUpperCase();
}

export function planChunks(text: string, minChars = MIN_CHUNK_CHARS): ChunkPlan {
  return runSync(planChunkSteps(text, minChars));
}

/** `planChunks` as steps: it yields every 4096 lines (a 5 MB paper has about 100 000). */
export function* planChunkSteps(text: string, minChars = MIN_CHUNK_CHARS): Steps<ChunkPlan> {
  const chunks: ChunkSpan[] = [];
  const linkLabels = new Set<string>();
  const footnoteLabels = new Set<string>();
  let chunkStart = 0;
  let prevBlank = false;
  let fence: { char: string; len: number } | undefined;
  let math = false;
  let htmlEnd: RegExp | undefined;
  /** The fence of the front matter the document opens with, until its closing fence ("---" or "+++"). */
  let front: string | undefined;
  let lineNo = 0;
  // the first line is read after a byte order mark, as the parser reads it (front matter, a fence…)
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // next CR at or after `pos` (-1: none), found once per CR so the scan stays linear
  let nextCR = text.indexOf('\r');
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nextCR >= 0 && nextCR < pos) nextCR = text.indexOf('\r', pos);
    if (nextCR >= 0 && (nl < 0 || nextCR < nl)) nl = text[nextCR + 1] === '\n' ? nextCR + 1 : nextCR;
    const lineEnd = nl < 0 ? text.length : nl + 1;
    let contentEnd = lineEnd;
    while (contentEnd > pos && (text.charCodeAt(contentEnd - 1) === 10 || text.charCodeAt(contentEnd - 1) === 13)) contentEnd--;
    // the first character that is not a space or tab, and whether the line is blank
    let first = pos;
    while (first < contentEnd && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
    const blank = first === contentEnd;
    const c = blank ? '' : text[first];
    // most lines are prose: only lines starting with a marker character are looked at closely
    const special: boolean = lineNo === 0 || front !== undefined || fence !== undefined || math || htmlEnd !== undefined || (c !== '' && '`~$<[-*+>=_#0123456789'.includes(c));
    const line: string = special ? text.slice(pos, contentEnd) : '';
    if (!special) {
      if (prevBlank && !blank && first === pos && pos - chunkStart >= minChars) {
        chunks.push({ start: chunkStart, end: pos });
        chunkStart = pos;
      }
    } else if (lineNo === 0 && /^(?:---|\+\+\+)[ \t]*$/.test(line)) {
      front = line.slice(0, 3);
    } else if (front) {
      // only the opening fence closes it, as the parser reads it: "---" then "+++" is no front matter, and the
      // document after such an opening parses differently alone (a footnote definition below it is a paragraph)
      if (line.trimEnd() === front) front = undefined;
    } else if (fence) {
      const m = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (m && m[1][0] === fence.char && m[1].length >= fence.len) fence = undefined;
    } else if (math) {
      if (/\$\$[ \t]*$/.test(line)) math = false;
    } else if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
    } else {
      if (
        prevBlank &&
        !blank &&
        pos - chunkStart >= minChars &&
        first === pos &&
        !LIST_OR_QUOTE.test(line) &&
        !SETEXT_OR_BREAK.test(line)
      ) {
        chunks.push({ start: chunkStart, end: pos });
        chunkStart = pos;
      } else if (prevBlank && ATX.test(line) && pos > chunkStart) {
        // headings always start a chunk: an edit's effect on chunk sizes stops at the next heading
        chunks.push({ start: chunkStart, end: pos });
        chunkStart = pos;
      }
      const f = c === '`' || c === '~' ? FENCE_OPEN.exec(line) : null;
      if (f && !(f[1][0] === '`' && f[2].includes('`'))) {
        fence = { char: f[1][0], len: f[1].length };
      } else if (c === '$' && MATH_OPEN.test(line)) {
        math = !/\$\$.*\$\$/.test(line);
      } else if (c === '<' && HTML_RAW.test(line)) {
        const end = /<\/(?:script|pre|style|textarea)>/i;
        if (!end.test(line)) htmlEnd = end;
      } else if (c === '<') {
        for (const [open, end] of HTML_ENDS) {
          if (open.test(line)) {
            if (!end.test(line.replace(open, ''))) htmlEnd = end;
            break;
          }
        }
      }
      const d = (c === '[' || c === '>' || c === '-' || c === '*' || c === '+' || (c >= '0' && c <= '9')) && line.includes(']:') ? DEFINITION.exec(line) : null;
      if (d) (d[1] ? footnoteLabels : linkLabels).add(normalizeLabel(d[2]));
    }
    prevBlank = blank;
    pos = lineEnd;
    lineNo++;
    if ((lineNo & 4095) === 0) yield;
  }
  if (chunkStart < text.length || chunks.length === 0) chunks.push({ start: chunkStart, end: text.length });
  return { chunks, linkLabels, footnoteLabels };
}

const REFERENCE = /\[(\^?)((?:[^\][\\\n]|\\.){1,999})\]/g;

/**
 * Stub definitions to append to a chunk so that references to labels defined in other chunks parse as references
 * (as they do in the whole document): one `[label]: #` or `[^label]: .` line per label the chunk mentions and the
 * document defines, sorted. A chunk's own definitions come first and win (a later duplicate is ignored), and
 * whether a line of the chunk really is a definition is the parser's business, so labels are not filtered here.
 * Empty when the chunk needs none.
 */
export function stubsFor(chunk: string, plan: ChunkPlan, refs: readonly ChunkRef[] = referencesIn(chunk)): string {
  if (!plan.linkLabels.size && !plan.footnoteLabels.size) return '';
  const wanted = new Map<string, string>();
  for (const r of refs) {
    const key = (r.footnote ? '^' : '') + r.label;
    if (wanted.has(key)) continue;
    if (r.footnote ? plan.footnoteLabels.has(r.label) : plan.linkLabels.has(r.label)) wanted.set(key, r.footnote ? `[^${r.raw}]: .` : `[${r.raw}]: #`);
  }
  if (!wanted.size) return '';
  return [...wanted.keys()].sort().map((k) => wanted.get(k)).join('\n\n');
}

/** A bracketed label in a chunk that may be a reference: `[label]` or `[^label]`. */
export interface ChunkRef {
  raw: string;
  /** Normalised. */
  label: string;
  footnote: boolean;
}

/** Every bracketed label of a chunk ("[a] [b]" may be one full reference "[a][b]": both are listed). */
export function referencesIn(chunk: string): ChunkRef[] {
  const out: ChunkRef[] = [];
  if (!chunk.includes('[')) return out;
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(chunk); m; m = REFERENCE.exec(chunk)) out.push({ raw: m[2], label: normalizeLabel(m[2]), footnote: m[1] === '^' });
  return out;
}
