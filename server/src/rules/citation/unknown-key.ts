import { defineRule } from '../../core/rule';
import type { Fix } from '../../core/types';
import { docsPath } from './util';

export default defineRule({
  meta: {
    id: 'citation/unknown-key',
    description: 'A Pandoc citation key that is not in the paper’s bibliography.',
    defaultSeverity: 'error',
    fixable: false,
    defaultOptions: {},
    options: {},
    docs: docsPath('citation/unknown-key'),
  },
  *check({ ledgers }) {
    const c = ledgers.citations;
    const bib = c.bibliography;
    // nothing to check against, or a file failed (citation/bibliography-error says so)
    if (!bib.available || bib.files.some((f) => f.status !== 'ok')) return;
    const files = bib.files.map((f) => f.path).join(', ') || 'the front matter';
    let suggestions = 200; // near-miss search is quadratic in key length: bounded for pathological papers
    for (const marker of c.markers) {
      if (marker.kind !== 'pandoc') continue;
      for (const item of marker.items) {
        const key = item.key;
        if (key === undefined || bib.records.has(key)) continue;
        if (/^todo$/i.test(key)) continue; // a placeholder (citation/placeholder)
        const near = suggestions-- > 0 ? closest(key, bib.keys) : undefined;
        const fixes: Fix[] = near ? [{ title: `Replace with @${near}`, edits: [{ range: keyRange(item.range, item.suppressAuthor), newText: near }], isSafe: false }] : [];
        yield {
          range: item.range,
          message: `Citation key @${key} is not in the bibliography (${files})${near ? `; did you mean @${near}?` : '.'}`,
          fixes,
        };
      }
    }
  },
});

/** The key's own range inside `@key` / `-@key`. */
function keyRange(r: { start: number; end: number }, suppress?: boolean): { start: number; end: number } {
  return { start: r.start + (suppress ? 2 : 1), end: r.end };
}

/** The one key within two edits (case-insensitive), if exactly one is that close. */
function closest(key: string, keys: readonly string[]): string | undefined {
  const k = key.toLowerCase();
  let best: string | undefined;
  let bestD = 3;
  let ties = 0;
  for (const cand of keys) {
    if (Math.abs(cand.length - key.length) > 2) continue;
    const d = distance(k, cand.toLowerCase(), bestD + 1); // bestD + 1 means "farther than the best so far"
    if (d < bestD) {
      bestD = d;
      best = cand;
      ties = 0;
    } else if (d === bestD) ties++;
  }
  return best && ties === 0 ? best : undefined;
}

/** Damerau–Levenshtein (optimal string alignment), stopping early past `limit`. */
function distance(a: string, b: string, limit: number): number {
  const prev2: number[] = new Array(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    for (let j = 0; j <= b.length; j++) prev2[j] = prev[j];
    prev = cur;
    if (rowMin >= limit) return limit;
  }
  return prev[b.length];
}
