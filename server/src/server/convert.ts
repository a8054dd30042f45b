// Pure conversions between the core's plain data (UTF-16 offsets) and LSP objects. No state, no I/O.
import {
  CodeAction,
  CodeActionKind,
  DiagnosticSeverity,
  type Diagnostic,
  type Range as LspRange,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { docsUrl, getRule, type FileProblem, type Finding, type LineIndex, type Severity, type TextEdit } from '../core/index';
import { CONFIG_PROBLEM_CODE, SOURCE, type DiagnosticData, type FixData } from './protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspEdit(e: TextEdit, lines: LineIndex): LspTextEdit {
  return { range: lines.range(e.range), newText: e.newText };
}

export function toFixData(f: Finding, lines: LineIndex): FixData[] {
  return f.fixes.map((fix) => ({ title: fix.title, isSafe: fix.isSafe, edits: fix.edits.map((e) => toLspEdit(e, lines)) }));
}

/** One finding as a diagnostic; `data` carries everything a quick fix needs, for the version `version`. */
export function toDiagnostic(f: Finding, lines: LineIndex, uri: string, version: number): Diagnostic {
  const rule = getRule(f.ruleId);
  const data: DiagnosticData = { version, fixes: toFixData(f, lines) };
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

/**
 * A problem in a config or glossary file (1-based line/column) as a diagnostic (0-based), spanning the token at
 * that position when the line's text is known.
 */
export function toConfigDiagnostic(p: FileProblem, lineText: string | undefined): Diagnostic {
  const line = Math.max(0, p.line - 1);
  const character = Math.max(0, p.column - 1);
  const token = lineText === undefined ? undefined : /^[^\s:,#\]}]+/.exec(lineText.slice(character))?.[0];
  const end = token ? character + token.length : lineText === undefined ? character + 1 : Math.min(character + 1, lineText.length);
  return {
    range: { start: { line, character }, end: { line, character: Math.max(character, end) } },
    severity: DiagnosticSeverity.Error,
    code: CONFIG_PROBLEM_CODE,
    source: SOURCE,
    message: p.message,
  };
}

/**
 * An edit of one document. With a version, the client applies it only to that version (so a stale edit can
 * never land on changed text); with null, as plain `changes`.
 */
export function workspaceEdit(uri: string, version: number | null, edits: LspTextEdit[]): WorkspaceEdit {
  return version === null ? { changes: { [uri]: edits } } : { documentChanges: [{ textDocument: { uri, version }, edits }] };
}

function isPosition(x: unknown): boolean {
  const p = x as { line?: unknown; character?: unknown } | null;
  return !!p && Number.isInteger(p.line) && Number.isInteger(p.character) && (p.line as number) >= 0 && (p.character as number) >= 0;
}

function isRange(x: unknown): x is LspRange {
  const r = x as { start?: unknown; end?: unknown } | null;
  return !!r && isPosition(r.start) && isPosition(r.end);
}

/** `Diagnostic.data` as the client sent it back, validated; undefined when absent or malformed. */
export function readDiagnosticData(x: unknown): DiagnosticData | undefined {
  const d = x as Partial<DiagnosticData> | null | undefined;
  if (!d || typeof d !== 'object' || !Number.isInteger(d.version) || !Array.isArray(d.fixes)) return undefined;
  const fixes: FixData[] = [];
  for (const f of d.fixes as unknown[]) {
    const fix = f as Partial<FixData> | null;
    if (!fix || typeof fix.title !== 'string' || !Array.isArray(fix.edits)) return undefined;
    if (!fix.edits.every((e) => !!e && typeof e.newText === 'string' && isRange(e.range))) return undefined;
    fixes.push({ title: fix.title, isSafe: fix.isSafe === true, edits: fix.edits.map((e) => ({ range: e.range, newText: e.newText })) });
  }
  return { version: d.version as number, fixes };
}

export function sameRange(a: LspRange, b: LspRange): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export function sameFix(a: FixData, b: FixData): boolean {
  return a.title === b.title && a.edits.length === b.edits.length && a.edits.every((e, i) => e.newText === b.edits[i].newText && sameRange(e.range, b.edits[i].range));
}

/** One `quickfix` per fix of the diagnostic; the first certain fix is the preferred one. */
export function quickFixActions(d: Diagnostic, fixes: FixData[], edit: (fix: FixData) => WorkspaceEdit): CodeAction[] {
  let preferred = false;
  return fixes.map((fix) => {
    const action = CodeAction.create(fix.title, edit(fix), CodeActionKind.QuickFix);
    action.diagnostics = [d];
    if (fix.isSafe && !preferred) {
      action.isPreferred = true;
      preferred = true;
    }
    return action;
  });
}
