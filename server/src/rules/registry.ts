import type { AnyRule } from '../core/rule';
import misspelled from './acronym/misspelled';
import wrongExpansion from './acronym/wrong-expansion';
import inconsistentExpansion from './acronym/inconsistent-expansion';
import usedBeforeDefinition from './acronym/used-before-definition';
import undefinedAcronym from './acronym/undefined';
import redefined from './acronym/redefined';

/** Every rule, in the order their findings are documented. Adding a rule = one module + one line here. */
export const rules: readonly AnyRule[] = [
  misspelled,
  wrongExpansion,
  inconsistentExpansion,
  usedBeforeDefinition,
  undefinedAcronym,
  redefined,
];

export function getRule(id: string): AnyRule | undefined {
  return rules.find((r) => r.meta.id === id);
}
