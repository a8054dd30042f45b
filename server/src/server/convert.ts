import {
  CodeAction,
  CodeActionKind,
  DiagnosticSeverity,
  type Diagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { docsUrl, getRule, LineIndex, type Finding, type Severity, type TextEdit } from '../core/index';
import { SOURCE, type DiagnosticData, type FixData } from './protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(f: Finding, lines: LineIndex, uri: string, version: number): Diagnostic {
  const rule = getRule(f.ruleId);
  const data: DiagnosticData = {
    version,
    fixes: f.fixes.map((fix) => ({ title: fix.title, isSafe: fix.isSafe, edits: fix.edits.map((e) => toLspEdit(e, lines)) })),
  };
  return {
    range: lines.range(f.range),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    ...(rule ? { codeDescription: { href: docsUrl(rule.meta) } } : {}),
    source: SOURCE,
    message: f.message,
    relatedInformation: f.related.map((r) => ({ location: { uri, range: lines.range(r.range) }, message: r.message })),
    data,
  };
}

export function toLspEdit(e: TextEdit, lines: LineIndex): LspTextEdit {
  return { range: lines.range(e.range), newText: e.newText };
}

export function workspaceEdit(uri: string, version: number | null, edits: LspTextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri, version }, edits }] };
}

function isFixData(x: unknown): x is FixData {
  const f = x as FixData;
  return !!f && typeof f.title === 'string' && Array.isArray(f.edits) && f.edits.every((e) => e && typeof e.newText === 'string' && e.range);
}

/** Quick fixes for one of our diagnostics, rebuilt from its `code` and `data` only. */
export function quickFixes(d: Diagnostic, uri: string, currentVersion: number): CodeAction[] {
  if (d.source !== SOURCE) return [];
  const data = d.data as DiagnosticData | undefined;
  // ranges from another version of the document could land on the wrong text: offer nothing rather than corrupt it
  if (!data || data.version !== currentVersion || !Array.isArray(data.fixes)) return [];
  let preferred = false;
  return data.fixes.filter(isFixData).map((fix) => {
    const action = CodeAction.create(fix.title, workspaceEdit(uri, currentVersion, fix.edits), CodeActionKind.QuickFix);
    action.diagnostics = [d];
    if (fix.isSafe && !preferred) {
      action.isPreferred = true;
      preferred = true;
    }
    return action;
  });
}
