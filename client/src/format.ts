/** Counting and wording for the status bar and the workspace check. No `vscode` import: unit-tested directly. */

export interface Counts {
  error: number;
  warning: number;
  information: number;
  hint: number;
}

export const ZERO: Readonly<Counts> = Object.freeze({ error: 0, warning: 0, information: 0, hint: 0 });

/** VS Code's DiagnosticSeverity values (Error = 0 … Hint = 3) to counts. */
export function countSeverities(severities: Iterable<number>): Counts {
  const c = { ...ZERO };
  for (const s of severities) {
    if (s === 0) c.error++;
    else if (s === 1) c.warning++;
    else if (s === 2) c.information++;
    else c.hint++;
  }
  return c;
}

export function addCounts(a: Counts, b: Partial<Counts> | undefined): Counts {
  return {
    error: a.error + (b?.error ?? 0),
    warning: a.warning + (b?.warning ?? 0),
    information: a.information + (b?.information ?? 0),
    hint: a.hint + (b?.hint ?? 0),
  };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "1 error, 2 warnings, 3 information, 4 hints" (zero kinds left out), or "no problems". */
export function describeCounts(c: Counts): string {
  const parts = [
    c.error ? plural(c.error, 'error') : '',
    c.warning ? plural(c.warning, 'warning') : '',
    c.information ? `${c.information} information` : '',
    c.hint ? plural(c.hint, 'hint') : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no problems';
}

/** Status bar text: `Policy Lint: $(error) 1 $(warning) 2 $(info) 3`, or `Policy Lint: $(check)` when clean. */
export function statusText(c: Counts): string {
  if (c.error + c.warning + c.information + c.hint === 0) return 'Policy Lint: $(check)';
  return `Policy Lint: $(error) ${c.error} $(warning) ${c.warning} $(info) ${c.information}`;
}

export function statusTooltip(c: Counts, fileName: string): string {
  return `Policy Lint in ${fileName}: ${describeCounts(c)}. Click to open the Problems panel.`;
}

export interface CheckSummary {
  /** Markdown files found in the workspace. */
  files: number;
  /** Files the server checked. */
  checked: number;
  failed: { uri: string; reason: string }[];
  counts: Counts;
  cancelled: boolean;
}

/** The message shown when the workspace check ends. */
export function summaryMessage(s: CheckSummary): string {
  const what = s.cancelled
    ? `Policy Lint: check cancelled after ${s.checked} of ${plural(s.files, 'paper')}`
    : `Policy Lint checked ${plural(s.checked, 'paper')}`;
  const failed = s.failed.length ? ` ${plural(s.failed.length, 'file')} could not be read (see the Policy Lint output).` : '';
  return `${what}: ${describeCounts(s.counts)}.${failed}`;
}

/** Splits a list into batches of at most `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
