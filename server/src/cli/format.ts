import type { FileProblem, Finding, LineIndex, Severity } from '../core/index';
import { unifiedDiff } from './diff';

export interface FileReport {
  path: string;
  /** Lines of the text the findings' ranges refer to (after fixing, under --fix and --fix-dry-run). */
  lines: LineIndex;
  findings: Finding[];
  /** Under --fix-dry-run, when fixing would change the file: the text before and after. */
  dryRun?: { source: string; output: string; fixes: number };
}

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[2m' };
const RED = '\x1b[31m';
const GREEN = '\x1b[32m';
const CYAN = '\x1b[36m';
const RESET = '\x1b[0m';

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/**
 * `file:line:col  severity  message  rule-id` (1-based, for humans); under --fix-dry-run the diff of what --fix
 * would change; then a summary line.
 */
export function formatText(reports: FileReport[], problems: FileProblem[], color: boolean): string {
  const out: string[] = [];
  const paint = (code: string, s: string) => (color ? `${code}${s}${RESET}` : s);
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const p of problems) {
    out.push(`${p.file}:${p.line}:${p.column}  ${paint(COLORS.error, 'error')}  ${p.message}  config/invalid`);
    counts.error++;
  }
  for (const r of reports) {
    for (const f of r.findings) {
      const pos = r.lines.positionAt(f.range.start);
      out.push(`${r.path}:${pos.line + 1}:${pos.character + 1}  ${paint(COLORS[f.severity], f.severity)}  ${f.message}  ${f.ruleId}`);
      counts[f.severity]++;
    }
  }
  const changed = reports.filter((r) => r.dryRun);
  if (changed.length) {
    const colors = { removed: (s: string) => paint(RED, s), added: (s: string) => paint(GREEN, s), hunk: (s: string) => paint(CYAN, s) };
    for (const r of changed) out.push(unifiedDiff(r.path, r.dryRun!.source, r.dryRun!.output, colors).replace(/\n$/, ''));
    const fixes = changed.reduce((n, r) => n + r.dryRun!.fixes, 0);
    out.push(`--fix-dry-run: --fix would apply ${plural(fixes, 'fix')} in ${plural(changed.length, 'file')}; nothing was written`);
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  out.push(
    `${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information} info, ${plural(counts.hint, 'hint')}) in ${plural(reports.length, 'file')}`,
  );
  return out.join('\n') + '\n';
}

/**
 * The stable JSON shape other tools read: 0-based lines, UTF-16 characters, as in LSP. Under --fix-dry-run a
 * file that fixing would change also has `output`, its fixed text (as ESLint's `output`).
 */
export function formatJson(reports: FileReport[], problems: FileProblem[]): string {
  const files = reports.map((r) => ({
    path: r.path,
    diagnostics: r.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      range: r.lines.range(f.range),
      related: f.related.map((x) => ({ range: r.lines.range(x.range), message: x.message })),
      fixes: f.fixes.map((x) => ({ title: x.title, edits: x.edits.map((e) => ({ range: r.lines.range(e.range), newText: e.newText })) })),
    })),
    ...(r.dryRun ? { output: r.dryRun.output } : {}),
  }));
  const byFile = new Map<string, typeof files[number]['diagnostics']>();
  for (const p of problems) {
    const list = byFile.get(p.file) ?? [];
    const pos = { line: p.line - 1, character: p.column - 1 };
    list.push({ ruleId: 'config/invalid', severity: 'error', message: p.message, range: { start: pos, end: pos }, related: [], fixes: [] });
    byFile.set(p.file, list);
  }
  const configFiles = [...byFile].map(([path, diagnostics]) => ({ path, diagnostics }));
  return JSON.stringify({ version: 1, files: [...configFiles, ...files] }) + '\n';
}
