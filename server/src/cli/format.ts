import type { FileProblem, Finding, LineIndex, Severity } from '../core/index';

export interface FileReport {
  path: string;
  lines: LineIndex;
  findings: Finding[];
}

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[2m' };
const RESET = '\x1b[0m';

/** `file:line:col  severity  message  rule-id` (1-based, for humans), then a summary line. */
export function formatText(reports: FileReport[], problems: FileProblem[], color: boolean): string {
  const out: string[] = [];
  const paint = (sev: Severity, s: string) => (color ? `${COLORS[sev]}${s}${RESET}` : s);
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const p of problems) {
    out.push(`${p.file}:${p.line}:${p.column}  ${paint('error', 'error')}  ${p.message}  config/invalid`);
    counts.error++;
  }
  for (const r of reports) {
    for (const f of r.findings) {
      const pos = r.lines.positionAt(f.range.start);
      out.push(`${r.path}:${pos.line + 1}:${pos.character + 1}  ${paint(f.severity, f.severity)}  ${f.message}  ${f.ruleId}`);
      counts[f.severity]++;
    }
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  out.push(
    `${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information} info, ${plural(counts.hint, 'hint')}) in ${plural(reports.length, 'file')}`,
  );
  return out.join('\n') + '\n';
}

/** The stable JSON shape other tools read: 0-based lines, UTF-16 characters, as in LSP. */
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
