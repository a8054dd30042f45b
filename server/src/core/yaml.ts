/**
 * A guard run before any YAML written by the user is parsed (config files, glossaries, CSL-YAML bibliographies, a
 * paper's front matter). The YAML parser reads nested collections recursively: a few thousand levels exhaust the
 * stack, and a stack overflow inside the JavaScript engine's regular-expression compiler ends the whole process
 * (a fatal out-of-memory error, not an exception). No real file nests more than a handful of levels, so a text
 * nested deeper than `MAX_YAML_DEPTH` is refused before it reaches the parser.
 */
import { LineIndex } from './text';

/** The deepest nesting of collections a user's YAML may have. */
export const MAX_YAML_DEPTH = 64;

/** An entry indicator that opens a nested collection on the same line ("- - x"), at the sticky position. */
const COMPACT_ENTRY = /[-?:][ \t]+/y;

/** Characters after which a flow collection or a quoted scalar may start ("" is the start of a line). */
const VALUE_START = new Set(['', ':', ',', '[', '{', '-', '?']);

/**
 * Where a YAML text first nests collections more than `limit` levels deep: flow collections (`[`, `{`), block
 * collections by indentation, and compact entries such as `- - -` on one line. Quoted strings, comments and block
 * scalars (`|`, `>`) are skipped. An estimate that errs towards fewer levels (a sequence written at the indentation
 * of its key is not counted), so that no ordinary file is refused. Undefined when the text is within the limit.
 */
export function yamlDepthProblem(text: string, limit = MAX_YAML_DEPTH): { offset: number; message: string } | undefined {
  const problem = (offset: number) => ({ offset, message: `the text is nested more than ${limit} levels deep` });
  /** Indentation of the open block collections. */
  const indents: number[] = [];
  let flow = 0;
  /** Indentation of the line that opened a block scalar (its lines are text), or -1. */
  let blockScalar = -1;
  /** The quote of a quoted scalar still open at the end of the previous line. */
  let quote: '"' | "'" | undefined;
  const lineBreak = /\r\n|\r|\n/g;
  let pos = 0;
  while (pos <= text.length) {
    lineBreak.lastIndex = pos;
    const br = lineBreak.exec(text);
    const end = br ? br.index : text.length;
    const next = br ? end + br[0].length : text.length + 1;
    let i = pos;
    while (i < end && text.charCodeAt(i) === 32) i++;
    const indent = i - pos;
    // a line of spaces, tabs or a comment only
    const blank = /^[ \t]*(?:#|$)/.test(text.slice(i, end));
    if (blockScalar >= 0) {
      if (blank || indent > blockScalar) {
        pos = next;
        continue;
      }
      blockScalar = -1;
    }
    let last = '';
    if (!quote && flow === 0 && !blank) {
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      let depth = indents.length;
      // compact nested entries on one line: "- - x", "? - x"
      for (COMPACT_ENTRY.lastIndex = i; COMPACT_ENTRY.exec(text); COMPACT_ENTRY.lastIndex = i) {
        depth++;
        last = text[i];
        i = COMPACT_ENTRY.lastIndex;
        if (depth > limit) return problem(i);
      }
      if (depth > limit) return problem(i);
    }
    for (; i < end; i++) {
      const c = text[i];
      if (quote) {
        if (quote === '"' && c === '\\') i++;
        else if (c === quote) {
          if (quote === "'" && text[i + 1] === "'") i++;
          else {
            quote = undefined;
            last = c;
          }
        }
        continue;
      }
      if (c === ' ' || c === '\t') continue;
      if (c === '#' && (i === pos || text[i - 1] === ' ' || text[i - 1] === '\t')) break;
      if ((c === '"' || c === "'") && VALUE_START.has(last)) {
        quote = c;
        continue;
      }
      if ((c === '[' || c === '{') && VALUE_START.has(last)) {
        flow++;
        if (indents.length + flow > limit) return problem(i);
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
      } else if ((c === '|' || c === '>') && flow === 0 && (last === '' || last === ':' || last === '-' || last === '?') && /^[|>][-+1-9]*[ \t]*(?:#.*)?$/.test(text.slice(i, end))) {
        blockScalar = indent;
        break;
      }
      last = c;
    }
    pos = next;
  }
  return undefined;
}

/**
 * 1-based line and column of offsets in a user's file, with lines ending at "\r\n", "\r" or "\n" as an editor
 * counts them (the YAML parser's own line counter sees only "\n", and misses some after a syntax error). An
 * offset inside a line break, or past the end, is placed just after the last character of its line.
 */
export function positionsIn(text: string): (offset: number) => { line: number; column: number } {
  // the lines are indexed on the first call (most files have no problem to place)
  let lines: LineIndex | undefined;
  return (offset) => {
    lines ??= new LineIndex(text);
    // offsetAt keeps a position within its line: the round trip moves an offset inside a line break to the line's end
    const p = lines.positionAt(lines.offsetAt(lines.positionAt(offset)));
    return { line: p.line + 1, column: p.character + 1 };
  };
}
