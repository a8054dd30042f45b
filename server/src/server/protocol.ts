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
