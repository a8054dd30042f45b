import { defineRule } from '../../core/rule';
import type { Fix } from '../../core/types';
import { bodyUses, docsPath, lineOf, q } from './util';
import { isWrongExpansion } from './wrong-expansion';

export default defineRule({
  meta: {
    id: 'acronym/used-before-definition',
    description: 'An acronym used in the text before the place where the paper defines it.',
    defaultSeverity: 'information',
    fixable: true,
    defaultOptions: {},
    options: {},
    docs: docsPath('acronym/used-before-definition'),
  },
  *check({ paper, text, ledgers }) {
    for (const record of ledgers.acronyms.records.values()) {
      const def = record.definitions.find((d) => !isWrongExpansion(d));
      if (!def) continue;
      const first = bodyUses(record).find((u) => u.range.start < def.span.start);
      if (!first) continue;
      const fixes: Fix[] = [];
      if (def.form === 'long-first' && !first.plural && !first.possessive) {
        fixes.push({
          title: `Move the definition here: ${q(`${def.longForm} (${def.acronym})`)}`,
          edits: [
            { range: first.range, newText: `${def.longForm} (${text.slice(first.range.start, first.range.end)})` },
            { range: def.span, newText: text.slice(def.acronymRange.start, def.acronymRange.end) },
          ],
          isSafe: false,
        });
      }
      yield {
        range: first.range,
        message: `${def.acronym} is used here before it is defined on line ${lineOf(paper, def.acronymRange.start)} as ${q(def.longForm)}.`,
        related: [{ range: def.span, message: `${def.acronym} is defined here` }],
        fixes,
      };
    }
  },
});
