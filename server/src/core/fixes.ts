import type { Finding, Fix, TextEdit } from './types';

export interface ApplyFixesOptions {
  /** Apply suggestions too (default: only fixes marked isSafe). */
  includeUnsafe?: boolean;
  /** Only fixes of findings of this rule. */
  ruleId?: string;
}

export interface ApplyFixesResult {
  text: string;
  /** Number of fixes applied. */
  applied: number;
  /** Fixes skipped because they overlapped an earlier one or fell outside the text. */
  skipped: number;
  /** The edits applied, in document order, with ranges in the original text. */
  edits: TextEdit[];
}

function editsValid(text: string, edits: TextEdit[]): boolean {
  return edits.every((e) => e.range.start >= 0 && e.range.end <= text.length && e.range.start <= e.range.end);
}

/**
 * Applies the first eligible fix of each finding, pure and all-or-nothing per fix: a fix whose edits overlap
 * an edit already taken, or fall outside the text, is skipped whole so the text is never corrupted.
 * Re-run analysis and call again to apply fixes that were skipped for overlapping.
 */
export function applyFixes(text: string, findings: readonly Finding[], options: ApplyFixesOptions = {}): ApplyFixesResult {
  const chosen: Fix[] = [];
  for (const f of findings) {
    if (options.ruleId && f.ruleId !== options.ruleId) continue;
    const fix = f.fixes.find((x) => x.isSafe || options.includeUnsafe);
    if (fix) chosen.push(fix);
  }
  return applyFixList(text, chosen);
}

/** Applies the given fixes (each all-or-nothing), skipping any that overlap one already taken. */
export function applyFixList(text: string, fixes: readonly Fix[]): ApplyFixesResult {
  const taken: TextEdit[] = [];
  let applied = 0;
  let skipped = 0;
  const seen = new Set<string>();
  for (const fix of fixes) {
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue; // the same fix reported twice (e.g. by two findings) is applied once
    seen.add(key);
    if (!editsValid(text, fix.edits) || fix.edits.some((e) => taken.some((t) => overlaps(t, e)))) {
      skipped++;
      continue;
    }
    taken.push(...fix.edits);
    applied++;
  }
  taken.sort((a, b) => b.range.start - a.range.start || b.range.end - a.range.end);
  let out = text;
  for (const e of taken) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return { text: out, applied, skipped, edits: taken.reverse() };
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.range.start === a.range.end && b.range.start === b.range.end) return a.range.start === b.range.start;
  return a.range.start < b.range.end && b.range.start < a.range.end
    || (a.range.start === a.range.end && a.range.start > b.range.start && a.range.start < b.range.end)
    || (b.range.start === b.range.end && b.range.start > a.range.start && b.range.start < a.range.end);
}
