// Memory over a long editing session: the per-document cache keeps what the next analysis can reuse (parsed chunks,
// per-block facts), and nothing of the versions of the text it came from. A string sliced out of a long one keeps
// the long one alive in V8, so a cached chunk cut out of each new version would keep that whole version in memory:
// the heap would grow by a copy of the paper for every edit. Measured with full collections (the heap in use, not
// time), on a paper big enough that one retained copy per edit cannot hide in the noise.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { analyze, type AnalysisResult } from '../../server/src/core/index';
import { AnalysisCache } from '../../server/src/core/cache';
import { detachedString } from '../../server/src/core/text';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterCollection(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('the analysis cache holds no old version of the text', () => {
  it('keeps the heap flat over 60 edits of a 330 KB paper', () => {
    const example = readFileSync(join(__dirname, '..', '..', 'examples', 'trade-frameworks-paper.md'), 'utf8');
    // twenty copies, each under a heading of its own (non-Latin-1 characters make it a two-byte string: 2 bytes
    // a character)
    let text = Array.from({ length: 20 }, (_, i) => `# Part ${i + 1} — annex\n\n${example}`).join('\n\n');
    expect(text.length).toBeGreaterThan(330_000);
    const cache = new AnalysisCache();
    let result: AnalysisResult | undefined = analyze(text, { cache });
    const before = heapAfterCollection();
    const EDITS = 60;
    for (let i = 0; i < EDITS; i++) {
      // one character into a different paragraph each time, spread over the whole paper
      const at = text.indexOf('\n\n', Math.floor(((i * 7919) % EDITS) / EDITS * text.length)) - 1;
      text = `${text.slice(0, at)}x${text.slice(at)}`;
      result = analyze(text, { cache });
    }
    expect(result.text).toBe(text);
    const grown = heapAfterCollection() - before;
    // one retained version per edit would be 60 × 0.66 MB = 40 MB (measured: 42 MB when the chunks were plain
    // slices of the text); what the edits add to the cache (each one's chunk parsed again, its blocks' facts) comes
    // to about 2 MB
    expect(grown).toBeLessThan(10 * 1024 * 1024);
    result = undefined;
  });

  it('detachedString returns an equal string', () => {
    const long = `${'a'.repeat(50)}’${'b'.repeat(50)}`;
    for (const [start, end] of [[0, 0], [0, 5], [3, 16], [10, 101], [0, 101]]) {
      expect(detachedString(long.slice(start, end))).toBe(long.slice(start, end));
    }
  });
});
