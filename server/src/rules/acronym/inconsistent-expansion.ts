import { defineRule } from '../../core/rule';
import { normalWords } from '../../core/acronyms/longform';
import { docsPath, lineOf, q } from './util';
import { isWrongExpansion } from './wrong-expansion';

export default defineRule({
  meta: {
    id: 'acronym/inconsistent-expansion',
    description: 'One acronym expanded in two different ways in the same paper.',
    defaultSeverity: 'warning',
    fixable: true,
    defaultOptions: {},
    options: {},
    docs: docsPath('acronym/inconsistent-expansion'),
  },
  *check({ paper, ledgers }) {
    for (const record of ledgers.acronyms.records.values()) {
      const defs = record.definitions.filter((d) => !isWrongExpansion(d));
      if (defs.length < 2) continue;
      const first = defs[0];
      const firstWords = normalWords(first.longForm);
      for (const d of defs.slice(1)) {
        if (!differ(firstWords, normalWords(d.longForm))) continue;
        yield {
          range: d.longRange,
          message: `${d.acronym} is expanded here as ${q(d.longForm)} but as ${q(first.longForm)} on line ${lineOf(paper, first.longRange.start)}.`,
          related: [{ range: first.longRange, message: `First definition of ${d.acronym}` }],
          fixes: [{ title: `Use the first expansion, ${q(first.longForm)}`, edits: [{ range: d.longRange, newText: first.longForm }], isSafe: first.kbStatus === 'match' }],
        };
      }
    }
  },
});

/**
 * Two expansions differ when neither's words contain the other's (a shortened name is the same name), also
 * when hyphens and spaces are ignored ("ultra-violet" and "ultraviolet").
 */
export function differ(a: string[], b: string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  if (a.every((w) => sb.has(w)) || b.every((w) => sa.has(w))) return false;
  const ja = a.join('');
  const jb = b.join('');
  return !(ja.includes(jb) || jb.includes(ja));
}
