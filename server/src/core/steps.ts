/**
 * Long computations written as generators that `yield` at safe points (between chunks, blocks, rules), so that
 * one code path serves both a synchronous run (`runSync`: the CLI, tests, small papers) and a run in time slices
 * that lets the server answer other requests while a long paper is checked (`runSliced`).
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end, synchronously. */
export function runSync<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export interface SliceOptions {
  /** Longest stretch of work between two pauses, in milliseconds. */
  sliceMs?: number;
  /** Checked at every pause: true stops the run (the result is then undefined). */
  cancelled?: () => boolean;
  /** How to pause; `setImmediate` lets pending I/O (LSP messages) run first. */
  pause?: () => Promise<void>;
}

/**
 * A pause long enough for a message that arrives meanwhile to be handled before the steps go on. Messages are read
 * in the event loop's poll phase, and vscode-jsonrpc hands each to its handler with an immediate of its own, queued
 * behind the one that would resume the steps: so the pause lets a poll phase pass (the first immediate), then the
 * handlers it queued run (the second), then the steps resume (the third). Fewer turns resume the steps first when
 * the pause starts in the check phase (as the server's checks do) or outside it.
 */
const immediate = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(() => setImmediate(resolve))));

/** Runs the steps in slices of about `sliceMs`, pausing between slices; undefined when cancelled. */
export async function runSliced<T>(steps: Steps<T>, options: SliceOptions = {}): Promise<T | undefined> {
  const slice = options.sliceMs ?? 10;
  const pause = options.pause ?? immediate;
  let start = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - start >= slice) {
      await pause();
      if (options.cancelled?.()) {
        steps.return(undefined as never);
        return undefined;
      }
      start = performance.now();
    }
  }
}
