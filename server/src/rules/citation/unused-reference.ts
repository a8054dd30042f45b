import { defineRule } from '../../core/rule';
import type { ReferenceEntry } from '../../core/citations/types';
import { docsPath } from './util';

export default defineRule({
  meta: {
    id: 'citation/unused-reference',
    description: 'An entry of the reference list that the text never cites.',
    defaultSeverity: 'warning',
    fixable: false,
    defaultOptions: {},
    options: {},
    docs: docsPath('citation/unused-reference'),
  },
  *check({ ledgers }) {
    const c = ledgers.citations;
    if (!c.references.length || c.style !== 'author-year') return;
    const used = new Set<ReferenceEntry>();
    for (const marker of c.markers) {
      for (const item of marker.items) {
        const e = c.matchReference(item);
        if (e) used.add(e);
      }
    }
    // a list none of whose entries is cited is "further reading", not a reference list with strays
    if (used.size === 0) return;
    for (const e of c.references) {
      if (used.has(e)) continue;
      yield { range: e.head, message: `${e.authors} (${e.year}) is in the reference list but never cited in the text.` };
    }
  },
});
