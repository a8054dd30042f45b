/**
 * Results of pure functions of a chunk's or a block's text, kept from one analysis of a document to the next, so
 * that re-checking after an edit recomputes only what the edit touched. The server keeps one per open document;
 * `analyze` without one uses a fresh cache, so a full check and an incremental one run the same code.
 *
 * Generational: every entry records the last analysis (round) that used it; entries no analysis used in the last
 * two rounds are dropped once they outnumber the ones in use, so the cache holds about what two versions of the
 * document need, and a hit costs one lookup (no entry is copied from one round to the next).
 */
import type { Steps } from './steps';

interface Entry {
  value: unknown;
  /** The last round that used the entry. */
  round: number;
}

export class AnalysisCache {
  private entries = new Map<string, Map<string | object, Entry>>();
  private round = 0;
  /** Entries stored, and those used in the current and the previous round. */
  private stored = 0;
  private usedNow = 0;
  private usedBefore = 0;
  /** Lookups answered from the cache / computed, since the cache was made. */
  hits = 0;
  misses = 0;

  private boundTo: readonly object[] = [];
  /** State an analysis leaves for the next one of the same document (see `carry`). */
  private carried = new Map<string, unknown>();

  /**
   * Declares what the cached values depend on besides their keys (the knowledge base): when any of these objects
   * differs from the last call's, the cache is emptied.
   */
  bind(...deps: object[]): void {
    if (deps.length !== this.boundTo.length || deps.some((d, i) => d !== this.boundTo[i])) {
      this.entries = new Map();
      this.carried = new Map();
      this.stored = this.usedNow = this.usedBefore = 0;
      this.boundTo = deps;
    }
  }

  /**
   * The value of `compute` for `key` in namespace `ns`: from the cache when the key was seen recently. A key is a
   * string (compared by content), or an object compared by identity: a block's `origin`, the same object for as
   * long as its chunk is unchanged, costs one pointer comparison where its text would be hashed.
   */
  memo<T>(ns: string, key: string | object, compute: () => T): T {
    const map = this.namespace(ns);
    const hit = map.get(key);
    if (hit) return this.use(hit) as T;
    const value = compute();
    this.store(map, key, value);
    return value;
  }

  /** `memo` for a value computed in steps (a long computation that yields): the steps run only on a miss. */
  *memoSteps<T>(ns: string, key: string | object, compute: () => Steps<T>): Steps<T> {
    const hit = this.namespace(ns).get(key);
    if (hit) return this.use(hit) as T;
    const value = yield* compute();
    this.store(this.namespace(ns), key, value);
    return value;
  }

  /**
   * For a loop over blocks that yields: true when it is time to pause, that is after a block whose facts had to be
   * computed (a first check: each such block may take milliseconds), else every 8 blocks (when everything comes from
   * the cache, a pause costs more than the blocks between two: an allocation per generator level).
   */
  pacer(): () => boolean {
    let misses = this.misses;
    let blocks = 0;
    return () => {
      if (this.misses === misses && ++blocks < 8) return false;
      misses = this.misses;
      blocks = 0;
      return true;
    };
  }

  /** What the previous analysis left under `name` (undefined at first), replaced by `next` for the next one. */
  carry<T>(name: string, next: T): T | undefined {
    const prev = this.carried.get(name) as T | undefined;
    this.carried.set(name, next);
    return prev;
  }

  private namespace(ns: string): Map<string | object, Entry> {
    let map = this.entries.get(ns);
    if (!map) this.entries.set(ns, (map = new Map()));
    return map;
  }

  private use(entry: Entry): unknown {
    this.hits++;
    this.touch(entry);
    return entry.value;
  }

  /** Records that the current round uses the entry. */
  private touch(entry: Entry): void {
    if (entry.round !== this.round) {
      entry.round = this.round;
      this.usedNow++;
    }
  }

  private store(map: Map<string | object, Entry>, key: string | object, value: unknown): void {
    this.misses++;
    const old = map.get(key);
    if (old) {
      // a computation in steps that another analysis finished meanwhile: keep the later value
      old.value = value;
      this.touch(old);
      return;
    }
    map.set(key, { value, round: this.round });
    this.stored++;
    this.usedNow++;
  }

  /**
   * Ends an analysis. When the entries neither this analysis nor the one before used outnumber those they did,
   * they are dropped (a sweep costs one pass over the cache, so it runs only when there is that much to drop).
   */
  endRound(): void {
    // entries used in both rounds count twice: `live` is at most twice the entries in use
    const live = this.usedNow + this.usedBefore;
    if (this.stored > live + 64) {
      const keep = this.round - 1;
      let stored = 0;
      for (const [ns, map] of this.entries) {
        for (const [key, entry] of map) {
          if (entry.round < keep) map.delete(key);
          else stored++;
        }
        // a namespace named after what it depends on (a normaliser, stubs) may never be used again
        if (map.size === 0) this.entries.delete(ns);
      }
      this.stored = stored;
    }
    this.round++;
    this.usedBefore = this.usedNow;
    this.usedNow = 0;
  }
}
