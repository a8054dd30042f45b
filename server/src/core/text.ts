import type { OffsetRange, Position, Range } from './types';

/** Maps UTF-16 offsets to LSP positions and back. Lines end at \n, \r\n or a lone \r, as in LSP. */
export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      // the usual case: a native search for each line end rather than a look at every character
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    const next = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.text.length;
    // the end of a line excludes its line break
    let lineEnd = next;
    if (position.line + 1 < this.starts.length) {
      lineEnd--;
      if (lineEnd > start && this.text.charCodeAt(lineEnd) === 10 && this.text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    }
    return Math.max(start, Math.min(start + Math.max(0, position.character), lineEnd));
  }

  range(r: OffsetRange): Range {
    return { start: this.positionAt(r.start), end: this.positionAt(r.end) };
  }

  offsetRange(r: Range): OffsetRange {
    return { start: this.offsetAt(r.start), end: this.offsetAt(r.end) };
  }
}

/**
 * A copy of `s` that holds no reference to the string it was sliced from. V8 represents a slice of a long string as a
 * pointer into it: a slice kept in a cache keeps the whole text it was cut from alive, and a copy of that text every
 * time the document changes (after each edit, the chunk it touched would hold the entire new version of the paper).
 * A concatenation is flattened into a string of its own before it is sliced, so the result shares only that copy.
 */
export function detachedString(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

/** A 53-bit hash of a string (two 32-bit FNV-1a variants), as a base-36 string. */
export function hashString(s: string): string {
  // int32 all along (an unsigned start value made V8 deoptimise the loop on every call)
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x01000193 | 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 2246822519 | 0);
  }
  return ((h1 >>> 0) * 2097152 + ((h2 >>> 0) & 0x1fffff)).toString(36) + ':' + s.length;
}

/**
 * Which of a fixed list of strings occur in a text, in one pass over the text: each position is looked up by its
 * first three characters among the needles that start so (a hash bucket, then a comparison), instead of searching
 * the text once per needle. Needles shorter than three characters are searched for directly.
 */
export class NeedleSet {
  private readonly buckets = new Map<number, number[]>();
  private readonly short: number[] = [];

  constructor(readonly needles: readonly string[]) {
    needles.forEach((n, i) => {
      if (n.length < 3) {
        this.short.push(i);
        return;
      }
      const key = trigram(n, 0);
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(i);
      else this.buckets.set(key, [i]);
    });
  }

  /** Marks of the needles found by the current search (cleared after it). */
  private seen: Uint8Array | undefined;

  /** The indices of the needles `text` contains, in increasing order. */
  occurrences(text: string): number[] {
    const found: number[] = [];
    for (const i of this.short) if (text.includes(this.needles[i])) found.push(i);
    if (this.buckets.size > 0) {
      const seen = (this.seen ??= new Uint8Array(this.needles.length));
      for (const i of found) seen[i] = 1;
      for (let p = 0; p + 3 <= text.length; p++) {
        const bucket = this.buckets.get(trigram(text, p));
        if (!bucket) continue;
        for (const i of bucket) {
          if (seen[i] === 0 && text.startsWith(this.needles[i], p)) {
            seen[i] = 1;
            found.push(i);
          }
        }
      }
      for (const i of found) seen[i] = 0;
      found.sort((a, b) => a - b);
    }
    return found;
  }
}

/** A key of the three UTF-16 units at `p` (ten bits of each: a small integer; units that share it are compared). */
function trigram(s: string, p: number): number {
  return ((s.charCodeAt(p) & 0x3ff) << 20) | ((s.charCodeAt(p + 1) & 0x3ff) << 10) | (s.charCodeAt(p + 2) & 0x3ff);
}
