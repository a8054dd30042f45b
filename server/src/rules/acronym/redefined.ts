import { defineRule } from '../../core/rule';
import { normalWords } from '../../core/acronyms/longform';
import { docsPath, lineOf } from './util';
import { isWrongExpansion } from './wrong-expansion';
import { differ } from './inconsistent-expansion';

export default defineRule({
  meta: {
    id: 'acronym/redefined',
    description: 'An acronym defined again after it was already defined, with the same expansion.',
    defaultSeverity: 'hint',
    fixable: true,
    defaultOptions: {},
    options: {},
    docs: docsPath('acronym/redefined'),
  },
  *check({ paper, text, ledgers }) {
    for (const record of ledgers.acronyms.records.values()) {
      const defs = record.definitions.filter((d) => !isWrongExpansion(d));
      for (let i = 1; i < defs.length; i++) {
        const d = defs[i];
        const earlier = defs.slice(0, i).find((e) => !differ(normalWords(e.longForm), normalWords(d.longForm)));
        if (!earlier) continue;
        // keep a plural or possessive that followed the acronym inside the parenthesis
        const acronymText = text.slice(d.acronymRange.start, d.acronymRange.end);
        yield {
          range: d.span,
          message: `${d.acronym} was already defined on line ${lineOf(paper, earlier.acronymRange.start)}; the acronym alone is enough here.`,
          related: [{ range: earlier.span, message: `${d.acronym} first defined here` }],
          fixes: [{ title: `Replace the definition with ${acronymText}`, edits: [{ range: d.span, newText: acronymText }], isSafe: false }],
        };
      }
    }
  },
});
