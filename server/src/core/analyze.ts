import { buildPaperSteps, type Paper } from './paper';
import { runSliced, runSync, type SliceOptions, type Steps } from './steps';
import { AnalysisCache } from './cache';
import { ledgerSteps, type Ledgers } from './ledgers';
import { resolveConfig, type ResolvedConfig } from './config';
import type { Finding } from './types';
import type { AnyRule } from './rule';
import type { KnowledgeBase } from '../kb/types';
import { loadBuiltinKnowledgeBase } from '../kb/index';
import { rules as registry } from '../rules/registry';

export interface AnalyzeOptions {
  config?: ResolvedConfig;
  kb?: KnowledgeBase;
  /** Defaults to the full registry. */
  rules?: readonly AnyRule[];
  /**
   * Reads a bibliography file named in the paper's front matter (`bibliography:`) or in `bibliography`, with the
   * path as written (relative to the paper); returns the text, or undefined when it cannot be read. Without it,
   * Pandoc citation keys are not checked. Injected so the core stays pure.
   */
  readBibliography?: (path: string) => string | undefined;
  /** Bibliography files (BibTeX, CSL-JSON, CSL-YAML) to use when the front matter names none, e.g. from settings. */
  bibliography?: readonly string[];
  /**
   * What earlier analyses of the same document computed (parsed chunks, per-block facts): pass the same cache for
   * every version of a document and a re-check recomputes only what the edit touched. Results are the same with or
   * without it.
   */
  cache?: AnalysisCache;
}

export interface AnalysisResult {
  text: string;
  paper: Paper;
  ledgers: Ledgers;
  kb: KnowledgeBase;
  /** Sorted by start offset, then rule id. */
  findings: Finding[];
}

/** The one entry point of the analysis core: text in, findings (plain data) out. Pure. */
export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  return runSync(analyzeSteps(text, options));
}

/**
 * `analyze` in time slices of about `slice.sliceMs` (10 ms by default), pausing between them so that a server can
 * answer other requests while a long paper is checked; undefined when `slice.cancelled()` turns true at a pause
 * (what was computed stays in `options.cache`). Same result as `analyze`.
 */
export function analyzeAsync(text: string, options: AnalyzeOptions = {}, slice: SliceOptions = {}): Promise<AnalysisResult | undefined> {
  return runSliced(analyzeSteps(text, options), slice);
}

/** `analyze` as steps: it yields between chunks, blocks and rules. */
export function* analyzeSteps(text: string, options: AnalyzeOptions = {}): Steps<AnalysisResult> {
  const rules = options.rules ?? registry;
  const config = options.config ?? resolveConfig(rules);
  const kb = options.kb ?? loadBuiltinKnowledgeBase();
  const cache = options.cache ?? new AnalysisCache();
  cache.bind(kb);
  const paper = yield* buildPaperSteps(text, { cache });
  const ledgers = yield* ledgerSteps(paper, kb, config, { readBibliography: options.readBibliography, bibliography: options.bibliography }, cache);
  // the ledgers' lazy part (claims needing a source), computed here in steps rather than at once by the first rule
  // that asks for it
  yield* ledgers.citations.claimSteps();
  const findings: Finding[] = [];
  for (const rule of rules) {
    yield;
    const setting = config.rules.get(rule.meta.id) ?? { severity: rule.meta.defaultSeverity, options: rule.meta.defaultOptions };
    if (setting.severity === 'off') continue;
    const options = { ...rule.meta.defaultOptions, ...setting.options };
    let found = 0;
    for (const f of rule.check({ text, paper, ledgers, kb, options })) {
      // a rule yields its findings one by one: on a long paper with thousands, pause now and then between them
      if ((++found & 63) === 0) yield;
      if (paper.isSuppressed(rule.meta.id, f.range.start)) continue;
      findings.push({
        ruleId: rule.meta.id,
        severity: setting.severity,
        message: f.message,
        range: f.range,
        related: f.related ?? [],
        fixes: f.fixes ?? [],
      });
    }
  }
  findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId));
  cache.endRound();
  return { text, paper, ledgers, kb, findings };
}
