/**
 * Plain data shared by the analysis core, the language server, the CLI and the tests.
 * Nothing in server/src/core or server/src/rules may import `vscode` or `vscode-languageserver`.
 *
 * Offsets are indices into the JavaScript string of the document, i.e. UTF-16 code units,
 * which is exactly what LSP positions count.
 */

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

/** Half-open range of UTF-16 offsets into the document text. */
export interface OffsetRange {
  start: number;
  end: number;
}

export interface TextEdit {
  range: OffsetRange;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /**
   * A certain fix: safe to apply without review (`--fix`, "fix all", `source.fixAll`).
   * Suggestions (isSafe false) are only offered one at a time as quick fixes.
   */
  isSafe: boolean;
}

export interface RelatedLocation {
  range: OffsetRange;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: OffsetRange;
  related: RelatedLocation[];
  fixes: Fix[];
}

/** Position as in LSP: 0-based line, UTF-16 character. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}
