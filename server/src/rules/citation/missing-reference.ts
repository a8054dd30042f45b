import { defineRule } from '../../core/rule';
import { docsPath } from './util';

export default defineRule({
  meta: {
    id: 'citation/missing-reference',
    description: 'An author–year citation with no matching entry in the paper’s reference list.',
    defaultSeverity: 'warning',
    fixable: false,
    defaultOptions: {},
    options: {},
    docs: docsPath('citation/missing-reference'),
  },
  *check({ ledgers }) {
    const c = ledgers.citations;
    if (!c.references.length) return; // no reference list (see citation/no-reference-list)
    const heading = c.referenceListHeading;
    const related = heading ? [{ range: heading, message: 'the reference list' }] : [];
    for (const marker of c.markers) {
      if ((marker.kind !== 'author-year' && marker.kind !== 'narrative') || marker.weak) continue;
      const region = c.region(marker.block);
      if (region !== 'body' && region !== 'notes' && region !== 'analysis') continue;
      const seen = new Set<string>();
      for (const item of marker.items) {
        if (item.unresolvable || !item.authors || !item.year) continue;
        if (c.matchReference(item)) continue;
        const key = `${item.authors}|${item.year}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const range = marker.items.length === 1 || marker.kind === 'narrative' ? marker.range : item.range;
        yield { range, message: `No entry for ${item.authors} (${item.year}) in the reference list.`, related };
      }
    }
  },
});
