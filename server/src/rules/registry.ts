import type { AnyRule } from '../core/rule';

/** Every rule, in the order their findings are documented. Adding a rule = one module + one line here. */
export const rules: readonly AnyRule[] = [];

export function getRule(id: string): AnyRule | undefined {
  return rules.find((r) => r.meta.id === id);
}
