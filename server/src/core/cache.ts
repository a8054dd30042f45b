/**
 * Results of pure functions of a chunk's or a block's text, kept from one analysis of a document to the next, so
 * that re-checking after an edit recomputes only what the edit touched. The server keeps one per open document;
 * `analyze` without one uses a fresh cache, so a full check and an incremental one run the same code.
 *
 * Generational: an entry survives while analyses use it. `endRound()` closes an analysis; entries not used by the
 * analysis before it are dropped, so the cache holds about what one version of the document needs.
 */
export class AnalysisCache {
  private current = new Map<string, Map<string, unknown>>();
  private previous = new Map<string, Map<string, unknown>>();
  /** Lookups answered from the cache / computed, since the cache was made. */
  hits = 0;
  misses = 0;

  private boundTo: readonly object[] = [];

  /**
   * Declares what the cached values depend on besides their keys (the knowledge base): when any of these objects
   * differs from the last call's, the cache is emptied.
   */
  bind(...deps: object[]): void {
    if (deps.length !== this.boundTo.length || deps.some((d, i) => d !== this.boundTo[i])) {
      this.current = new Map();
      this.previous = new Map();
      this.boundTo = deps;
    }
  }

  /** The value of `compute` for `key` in namespace `ns`: from the cache when the key was seen recently. */
  memo<T>(ns: string, key: string, compute: () => T): T {
    let cur = this.current.get(ns);
    if (!cur) this.current.set(ns, (cur = new Map()));
    if (cur.has(key)) {
      this.hits++;
      return cur.get(key) as T;
    }
    const prev = this.previous.get(ns);
    if (prev?.has(key)) {
      const v = prev.get(key) as T;
      cur.set(key, v);
      this.hits++;
      return v;
    }
    const v = compute();
    cur.set(key, v);
    this.misses++;
    return v;
  }

  /** Ends an analysis: what it did not use is dropped at the end of the next. */
  endRound(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}
