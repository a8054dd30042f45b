/**
 * What to do when the language server's connection closes unexpectedly: restart it (at most `maxRestarts` times
 * within `windowMs`), and tell the user once per session that it was restarted. No `vscode` import.
 */
export interface CrashDecision {
  restart: boolean;
  /** 'restarted' the first time only; 'gave-up' when the server crashes too often to be restarted. */
  notify: 'restarted' | 'gave-up' | undefined;
}

export class CrashPolicy {
  private recent: number[] = [];
  private told = false;
  /** Unexpected closes so far. */
  crashes = 0;

  constructor(
    private readonly maxRestarts = 4,
    private readonly windowMs = 3 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  onClosed(): CrashDecision {
    this.crashes++;
    const t = this.now();
    this.recent = this.recent.filter((x) => t - x < this.windowMs);
    this.recent.push(t);
    if (this.recent.length > this.maxRestarts) return { restart: false, notify: 'gave-up' };
    const notify = this.told ? undefined : 'restarted';
    this.told = true;
    return { restart: true, notify };
  }

  /** After a manual restart the count starts again (the user has been told already). */
  reset(): void {
    this.recent = [];
  }
}
