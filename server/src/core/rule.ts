import type { Finding, Fix, OffsetRange, RelatedLocation, SeveritySetting } from './types';
import type { Paper } from './paper';
import type { Ledgers } from './ledgers';
import type { KnowledgeBase } from '../kb/types';

export type RuleFamily = 'acronym' | 'citation' | 'number';

/** Describes one option of a rule; used for docs, settings generation and config validation. */
export interface OptionSpec {
  type: 'boolean' | 'number' | 'string' | 'string[]';
  description: string;
}

export interface RuleMeta<O extends object = object> {
  /** `family/name`, e.g. `acronym/misspelled`. */
  id: `${RuleFamily}/${string}`;
  /** One line, imperative-free description shown in settings and docs. */
  description: string;
  defaultSeverity: SeveritySetting;
  /** True when the rule offers a certain fix for (some of) its findings. */
  fixable: boolean;
  defaultOptions: O;
  options: { [K in keyof O]: OptionSpec };
  /** Path of the docs page relative to the repository root. */
  docs: string;
}

/** What a rule reports; the engine adds ruleId and the configured severity. */
export interface RuleFinding {
  range: OffsetRange;
  message: string;
  related?: RelatedLocation[];
  fixes?: Fix[];
}

export interface RuleContext<O extends object = object> {
  text: string;
  paper: Paper;
  ledgers: Ledgers;
  kb: KnowledgeBase;
  options: O;
}

export interface Rule<O extends object = object> {
  meta: RuleMeta<O>;
  check(ctx: RuleContext<O>): Iterable<RuleFinding>;
}

export type AnyRule = Rule<any>;

export function defineRule<O extends object>(rule: Rule<O>): Rule<O> {
  return rule;
}

export type { Finding };
