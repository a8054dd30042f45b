// A unified diff of two texts, line by line (Myers' O(ND) algorithm), for `--fix-dry-run`.

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Lines with their terminators (\n, \r\n or \r), so a changed line ending is a changed line. */
function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/** The edit script turning `a` into `b`: common prefix and suffix are trimmed, the middle is diffed by Myers. */
function diffLines(a: string[], b: string[]): Op[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const A = a.slice(pre, a.length - suf);
  const B = b.slice(pre, b.length - suf);
  const middle = myers(A, B);
  return [
    ...a.slice(0, pre).map((line) => ({ kind: ' ' as const, line })),
    ...middle,
    ...a.slice(a.length - suf).map((line) => ({ kind: ' ' as const, line })),
  ];
}

function myers(A: string[], B: string[]): Op[] {
  const n = A.length;
  const m = B.length;
  const max = n + m;
  if (max === 0) return [];
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v[k] for k in -d..d after step d (O(D²) memory: fixes change few lines)
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && A[x] === B[y]) x++, y++;
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d - 1];
    const at = (k: number) => prev[k + d - 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) ops.push({ kind: ' ', line: A[--x] }), y--;
    if (down) ops.push({ kind: '+', line: B[--y] });
    else ops.push({ kind: '-', line: A[--x] });
  }
  while (x > 0 && y > 0) ops.push({ kind: ' ', line: A[--x] }), y--;
  return ops.reverse();
}

export interface DiffColors {
  removed: (s: string) => string;
  added: (s: string) => string;
  hunk: (s: string) => string;
}

const plain: DiffColors = { removed: (s) => s, added: (s) => s, hunk: (s) => s };

/**
 * `--- a/<file>` / `+++ b/<file>` and `@@ -l,n +l,n @@` hunks with `context` lines around each change, as `diff -u`
 * and `git diff` print them (so `git apply` takes it). Empty when the texts are equal.
 */
export function unifiedDiff(file: string, before: string, after: string, colors: DiffColors = plain, context = 3): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const name = file.replace(/\\/g, '/');
  const out: string[] = [colors.removed(`--- a/${name}`), colors.added(`+++ b/${name}`)];
  // line numbers before each op
  const aLine: number[] = [];
  const bLine: number[] = [];
  let ai = 1;
  let bi = 1;
  for (const op of ops) {
    aLine.push(ai), bLine.push(bi);
    if (op.kind !== '+') ai++;
    if (op.kind !== '-') bi++;
  }
  const changed = ops.map((op, i) => (op.kind !== ' ' ? i : -1)).filter((i) => i >= 0);
  let i = 0;
  while (i < changed.length) {
    const start = Math.max(0, changed[i] - context);
    let end = changed[i];
    while (i + 1 < changed.length && changed[i + 1] - end <= 2 * context + 1) end = changed[++i];
    i++;
    end = Math.min(ops.length - 1, end + context);
    const slice = ops.slice(start, end + 1);
    const aCount = slice.filter((op) => op.kind !== '+').length;
    const bCount = slice.filter((op) => op.kind !== '-').length;
    // an empty side starts at the line before it, as in diff -u
    const aStart = aCount ? aLine[start] : aLine[start] - 1;
    const bStart = bCount ? bLine[start] : bLine[start] - 1;
    out.push(colors.hunk(`@@ -${aStart},${aCount} +${bStart},${bCount} @@`));
    for (const op of slice) {
      const text = op.line.replace(/\r?\n$|\r$/, '');
      const paint = op.kind === '-' ? colors.removed : op.kind === '+' ? colors.added : (s: string) => s;
      out.push(paint(`${op.kind}${text}`));
      if (!/[\r\n]$/.test(op.line)) out.push('\\ No newline at end of file');
    }
  }
  return out.join('\n') + '\n';
}
