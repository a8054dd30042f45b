/** The one place for Policy Lint's protocol names and the shape of `Diagnostic.data`. */
import type { Range } from 'vscode-languageserver';

export const SOURCE = 'policy-lint';
export const FIX_ALL_COMMAND = 'policyLint.fixAll';
export const FIX_ALL_KIND = 'source.fixAll.policyLint';
export const CONFIG_PROBLEM_CODE = 'config/invalid';

export interface FixData {
  title: string;
  isSafe: boolean;
  edits: { range: Range; newText: string }[];
}

/** Carried by every diagnostic, so quick fixes are rebuilt from `code` + `data` without server state. */
export interface DiagnosticData {
  /** Document version the ranges refer to. */
  version: number;
  fixes: FixData[];
}

/** Settings section `policyLint` (VS Code settings or `workspace/configuration`). */
export interface PolicyLintSettings {
  rules?: Record<string, unknown>;
}

// ---- custom requests (client ⇄ server) ----------------------------------------------------------------------

/** `policyLint/paperOverview`: the paper at a glance, for the "Paper overview" view. */
export const PAPER_OVERVIEW_REQUEST = 'policyLint/paperOverview';

export interface PaperOverviewParams {
  uri: string;
}

export interface OverviewAcronym {
  acronym: string;
  /** The paper's expansion (first definition), or the knowledge base's name when the paper has none. */
  expansion: string | null;
  /** True when the knowledge base knows it. */
  known: boolean;
  /** Where the paper defines it (first definition), if it does. */
  definition: Range | null;
  /** Every use (not definitions), in document order. */
  uses: Range[];
  /** Findings of acronym rules on this acronym: message and range. */
  problems: { ruleId: string; message: string; range: Range }[];
}

export interface OverviewFigure {
  /** Human-readable name of the measure ("China–South Korea trade, share of China's trade, 2022"). */
  measure: string;
  mentions: { text: string; range: Range }[];
  /** Messages of contradictions among the mentions, if any. */
  problems: { ruleId: string; message: string; range: Range }[];
}

export interface OverviewCitation {
  /** The citation as written: "(Tanaka, 2021)", "[@lee2022]", "[^3]". */
  label: string;
  range: Range;
  /** The reference entry it resolves to, if any. */
  reference: string | null;
}

export interface PaperOverview {
  uri: string;
  version: number;
  acronyms: OverviewAcronym[];
  figures: OverviewFigure[];
  citations: OverviewCitation[];
  /** Problem counts by severity, for the status bar. */
  counts: { error: number; warning: number; information: number; hint: number };
}

/** `policyLint/checkFiles`: check files on disk (not open in the editor) and publish their diagnostics. */
export const CHECK_FILES_REQUEST = 'policyLint/checkFiles';

export interface CheckFilesParams {
  uris: string[];
}

export interface CheckFilesResult {
  checked: number;
  /** Files that could not be read, with the reason. */
  failed: { uri: string; reason: string }[];
  counts: { error: number; warning: number; information: number; hint: number };
}

/** `policyLint/checkFilesProgress` notification (server → client) while `checkFiles` runs. */
export const CHECK_FILES_PROGRESS = 'policyLint/checkFilesProgress';

export interface CheckFilesProgress {
  done: number;
  total: number;
}
