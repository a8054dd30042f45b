import { defineRule } from '../../core/rule';
import type { Fix } from '../../core/types';
import { docsPath, q } from './util';

interface Options {
  ignore: string[];
}

export default defineRule<Options>({
  meta: {
    id: 'acronym/misspelled',
    description: 'An acronym-like token that is not known but is one or two edits away from an acronym the paper defines or the knowledge base knows.',
    defaultSeverity: 'warning',
    fixable: true,
    defaultOptions: { ignore: [] },
    options: { ignore: { type: 'string[]', description: 'Tokens that are never reported as misspellings.' } },
    docs: docsPath('acronym/misspelled'),
  },
  *check({ ledgers, options }) {
    const { records, misspellings } = ledgers.acronyms;
    for (const [token, best] of misspellings) {
      if (options.ignore.includes(token)) continue;
      const safe = best.length === 1;
      const t = best[0];
      const message = best.length === 1
        ? `${q(token)} is not a known acronym; did you mean ${t.acronym} (${t.expansion ? `${t.expansion}, ` : ''}${t.where})?`
        : `${q(token)} is not a known acronym; did you mean ${best.map((b) => b.acronym).join(' or ')}?`;
      for (const use of records.get(token)!.uses) {
        if (use.inName) continue;
        const fixes: Fix[] = best.map((b) => ({ title: `Replace with ${b.acronym}`, edits: [{ range: use.range, newText: b.acronym }], isSafe: safe }));
        yield { range: use.range, message, fixes };
      }
    }
  },
});
