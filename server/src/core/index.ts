/** Public API of the analysis core. The server, the CLI and the tests import from here. */
export { analyze, analyzeAsync, type AnalyzeOptions, type AnalysisResult } from './analyze';
export { applyFixes, applyFixList, type ApplyFixesOptions, type ApplyFixesResult } from './fixes';
export { LineIndex } from './text';
export { parseConfig, resolveConfig, type PolicyLintConfig, type ResolvedConfig, type ConfigProblem } from './config';
export { hoverAt, type HoverResult } from './hover';
export { rules, getRule } from '../rules/registry';
export { docsUrl, REPOSITORY_URL } from './docs';
export type { Finding, Fix, TextEdit, OffsetRange, Severity, SeveritySetting, Position, Range, RelatedLocation } from './types';
export type { AnyRule, RuleMeta } from './rule';
export { loadWorkspaceSetup, CONFIG_FILE_NAMES, type WorkspaceSetup, type FileProblem } from './workspace';
export { acronymAt, renameProblem, outline, acronymCompletions, definedAcronyms, type AcronymOccurrences, type OutlineNode, type AcronymCompletion } from './navigation';
export {
  citationAt,
  citationsOf,
  bibliographyKeys,
  citationDefinition,
  citationReferences,
  recordLocation,
  keyCompletion,
  referenceCompletion,
  citationCard,
  formatRecord,
  type CitationHit,
  type BibliographyKey,
  type CitationLocation,
  type KeyCompletion,
  type ReferenceCompletion,
  type CitationCard,
} from './citations/index';
export { AnalysisCache } from './cache';
