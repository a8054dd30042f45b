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
  const chunks: ChunkSpan[] = [];
  const linkLabels = new Set<string>();
  const footnoteLabels = new Set<string>();
  let chunkStart = 0;
  let prevBlank = false;
  let fence: { char: string; len: number } | undefined;
  let math = false;
  let htmlEnd: RegExp | undefined;
  let front = false;
  let lineNo = 0;
  let pos = 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    const cr = text.indexOf('\r', pos);
    if (cr >= 0 && (nl < 0 || cr < nl)) nl = text[cr + 1] === '\n' ? cr + 1 : cr;
    const lineEnd = nl < 0 ? text.length : nl + 1;
    const line = text.slice(pos, lineEnd).replace(/\r?\n$|\r$/, '');
    const blank = !/[^ \t]/.test(line);
    if (lineNo === 0 && /^(?:---|\+\+\+)[ \t]*$/.test(line)) {
      front = true;
    } else if (front) {
      if (/^(?:---|\+\+\+|\.\.\.)[ \t]*$/.test(line)) front = false;
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
        /^[^ \t]/.test(line) &&
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
      const f = FENCE_OPEN.exec(line);
      if (f && !(f[1][0] === '`' && f[2].includes('`'))) {
        fence = { char: f[1][0], len: f[1].length };
      } else if (MATH_OPEN.test(line)) {
        math = !/\$\$.*\$\$/.test(line);
      } else if (HTML_RAW.test(line)) {
        const end = /<\/(?:script|pre|style|textarea)>/i;
        if (!end.test(line)) htmlEnd = end;
      } else {
        for (const [open, end] of HTML_ENDS) {
          if (open.test(line)) {
            if (!end.test(line.replace(open, ''))) htmlEnd = end;
            break;
          }
        }
      }
      const d = DEFINITION.exec(line);
      if (d) (d[1] ? footnoteLabels : linkLabels).add(normalizeLabel(d[2]));
    }
    prevBlank = blank;
    pos = lineEnd;
    lineNo++;
  }
  if (chunkStart < text.length || chunks.length === 0) chunks.push({ start: chunkStart, end: text.length });
  return { chunks, linkLabels, footnoteLabels };
}

const REFERENCE = /\[(\^?)((?:[^\][\\\n]|\\.){1,999})\]/g;

/**
 * Stub definitions to append to a chunk so that references to labels defined in other chunks parse as references
 * (as they do in the whole document): one `[label]: #` or `[^label]: .` line per such label, sorted. Empty when the
 * chunk needs none.
 */
export function stubsFor(chunk: string, plan: ChunkPlan): string {
  if (!plan.linkLabels.size && !plan.footnoteLabels.size) return '';
  const own = new Set<string>();
  const wanted = new Map<string, string>();
  for (const line of chunk.split(/\r?\n|\r/)) {
    const d = DEFINITION.exec(line);
    if (d) own.add((d[1] ? '^' : '') + normalizeLabel(d[2]));
  }
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(chunk); m; m = REFERENCE.exec(chunk)) {
    const label = normalizeLabel(m[2]);
    const key = (m[1] ? '^' : '') + label;
    if (own.has(key) || wanted.has(key)) continue;
    if (m[1] ? plan.footnoteLabels.has(label) : plan.linkLabels.has(label)) wanted.set(key, m[1] ? `[^${m[2]}]: .` : `[${m[2]}]: #`);
    // "[a] [b]" may be one full reference "[a][b]": its second label is caught by the next match
  }
  if (!wanted.size) return '';
  return [...wanted.keys()].sort().map((k) => wanted.get(k)).join('\n\n');
}
