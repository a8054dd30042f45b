// The per-document analysis cache: what it keeps, for how long, and what it hands from one analysis to the next.
import { describe, expect, it } from 'vitest';
import { AnalysisCache } from '../../server/src/core/cache';
import { runSync, type Steps } from '../../server/src/core/steps';

/** Looks `key` up in namespace 'n'; true when it had to be computed. */
function missed(cache: AnalysisCache, key: string | object): boolean {
  let computed = false;
  cache.memo('n', key, () => (computed = true));
  return computed;
}

describe('AnalysisCache', () => {
  it('answers a key from the cache, by content for strings and by identity for objects', () => {
    const cache = new AnalysisCache();
    expect(missed(cache, 'a fairly long key of text')).toBe(true);
    // another string object with the same content
    expect(missed(cache, ['a fairly long', 'key of text'].join(' '))).toBe(false);
    const origin = { text: 'x' };
    expect(missed(cache, origin)).toBe(true);
    expect(missed(cache, origin)).toBe(false);
    expect(missed(cache, { text: 'x' })).toBe(true);
    expect([cache.hits, cache.misses]).toEqual([2, 3]);
  });

  it('keeps namespaces apart', () => {
    const cache = new AnalysisCache();
    expect(cache.memo('one', 'k', () => 1)).toBe(1);
    expect(cache.memo('two', 'k', () => 2)).toBe(2);
    expect(cache.memo('one', 'k', () => 3)).toBe(1);
  });

  it('keeps what the last two analyses used, and drops the rest once it outnumbers them', () => {
    const cache = new AnalysisCache();
    // round 0 uses a0..a99
    for (let i = 0; i < 100; i++) missed(cache, `a${i}`);
    cache.endRound();
    // round 1 uses b0..b99 only: a* were used one round ago and survive it
    for (let i = 0; i < 100; i++) missed(cache, `b${i}`);
    cache.endRound();
    expect(missed(cache, 'a0')).toBe(false);
    cache.endRound();
    // rounds 3 and 4 use c* only: a1..a99 and b* are now stale, outnumber the 100 entries in use, and go
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 100; i++) missed(cache, `c${i}`);
      cache.endRound();
    }
    expect(missed(cache, 'c5')).toBe(false);
    expect(missed(cache, 'b5')).toBe(true);
    expect(missed(cache, 'a5')).toBe(true);
  });

  it('keeps a small stale remainder rather than sweeping at every round', () => {
    const cache = new AnalysisCache();
    for (let i = 0; i < 100; i++) missed(cache, `a${i}`);
    cache.endRound();
    // rounds 1–3 use a0..a89 and ten new keys: ten stale entries are not worth a pass over the cache
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 90; i++) missed(cache, `a${i}`);
      for (let i = 0; i < 10; i++) missed(cache, `n${i}`);
      cache.endRound();
    }
    expect(missed(cache, 'a95')).toBe(false);
  });

  it('runs memoSteps only on a miss, and keeps its result', () => {
    const cache = new AnalysisCache();
    let runs = 0;
    function* compute(): Steps<string> {
      runs++;
      yield;
      yield;
      return 'done';
    }
    expect(runSync(cache.memoSteps('s', 'k', compute))).toBe('done');
    expect(runSync(cache.memoSteps('s', 'k', compute))).toBe('done');
    expect(runs).toBe(1);
    expect(cache.memo('s', 'k', () => 'other')).toBe('done');
  });

  it('carries one value from an analysis to the next, and forgets it with the knowledge base', () => {
    const cache = new AnalysisCache();
    const kb = {};
    cache.bind(kb);
    expect(cache.carry('chunks', 1)).toBeUndefined();
    expect(cache.carry('chunks', 2)).toBe(1);
    cache.bind(kb);
    expect(cache.carry('chunks', 3)).toBe(2);
    cache.bind({});
    expect(cache.carry('chunks', 4)).toBeUndefined();
    expect(missed(cache, 'k')).toBe(true);
  });

  it('paces a loop over blocks: a pause after a block that computed something, else every 8 blocks', () => {
    const cache = new AnalysisCache();
    cache.memo('n', 'cached', () => 0);
    const pause = cache.pacer();
    const due: boolean[] = [];
    for (let block = 0; block < 20; block++) {
      due.push(pause());
      // blocks 3 and 4 compute their facts, the others find them cached
      cache.memo('n', block === 3 || block === 4 ? `new ${block}` : 'cached', () => block);
    }
    // the pause before a block comes after the previous one: after blocks 3 and 4, then 8 cached blocks later
    expect(due.map((d, i) => (d ? i : -1)).filter((i) => i >= 0)).toEqual([4, 5, 13]);
  });

  it('empties itself when the knowledge base changes', () => {
    const cache = new AnalysisCache();
    cache.bind({ kb: 1 });
    missed(cache, 'k');
    cache.bind({ kb: 2 });
    expect(missed(cache, 'k')).toBe(true);
  });
});

describe('cache keys of an analysis', () => {
  it('stay short however many long forms share a first word', async () => {
    // 400 definitions whose long forms all start with "Alpha", each followed by a sentence with a figure about it:
    // the figure frames are cached per sentence under the part of the word normaliser the sentence can reach. That
    // part once went into the namespace as text, every long form that starts with "Alpha" in every such sentence
    // (12 KB here), so the analysis hashed and compared kilobytes per sentence (strings over 16,383 characters
    // all hash alike in V8): 1,000 such definitions took 3 s to check, 8,000 more than ten minutes.
    const { analyze } = await import('../../server/src/core/index');
    const first = ['Baltic', 'Caspian', 'Danube', 'Elbe', 'Fjord', 'Ganges', 'Hudson', 'Indus', 'Jordan', 'Kama'];
    const second = ['Mining', 'Nursing', 'Oil', 'Port', 'Quarry', 'Rail', 'Steel', 'Timber', 'Urban', 'Water'];
    const third = ['Council', 'Board', 'Agency', 'Office'];
    const paragraphs: string[] = [];
    for (let i = 0; i < 400; i++) {
      const words = ['Alpha', first[i % 10], second[Math.floor(i / 10) % 10], third[Math.floor(i / 100)]];
      const acronym = words.map((w) => w[0]).join('');
      paragraphs.push(`The ${words.join(' ')} (${acronym}) reported ${i % 90}% growth in 2021 (Lee, 2022).`);
    }
    const namespaces = new Map<string, number>();
    const memo = AnalysisCache.prototype.memo;
    AnalysisCache.prototype.memo = function <T>(this: AnalysisCache, ns: string, key: string | object, compute: () => T): T {
      const kind = ns.replace(/[\d:]+/g, '#').slice(0, 40);
      namespaces.set(kind, Math.max(ns.length, namespaces.get(kind) ?? 0));
      return memo.call(this, ns, key, compute) as T;
    };
    try {
      const result = analyze(paragraphs.join('\n\n'));
      expect(result.ledgers.acronyms.definitions).toHaveLength(400);
      expect(result.ledgers.figures.figures.length).toBeGreaterThanOrEqual(400);
    } finally {
      AnalysisCache.prototype.memo = memo;
    }
    expect([...namespaces.keys()].some((ns) => ns.startsWith('figure frames'))).toBe(true);
    expect(Math.max(...namespaces.values())).toBeLessThan(200);
  });
});
