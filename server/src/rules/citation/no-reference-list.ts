import { defineRule } from '../../core/rule';
import { docsPath } from './util';

interface Options {
  minCitations: number;
}

export default defineRule<Options>({
  meta: {
    id: 'citation/no-reference-list',
    description: 'A paper that cites works in author–year form but has no reference list (reported once).',
    defaultSeverity: 'warning',
    fixable: false,
    defaultOptions: { minCitations: 3 },
    options: { minCitations: { type: 'number', description: 'Distinct works cited in author–year form before the missing list is reported.' } },
    docs: docsPath('citation/no-reference-list'),
  },
  *check({ ledgers, options }) {
    const c = ledgers.citations;
    if (c.style !== 'author-year' || c.referenceListHeading || c.references.length) return;
    const works = new Set<string>();
    let first: (typeof c.markers)[number] | undefined;
    for (const m of c.markers) {
      if ((m.kind !== 'author-year' && m.kind !== 'narrative') || m.weak || m.block.kind !== 'paragraph') continue;
      if (c.region(m.block) !== 'body' && c.region(m.block) !== 'analysis') continue;
      for (const it of m.items) if (it.authors && it.year && !it.unresolvable) works.add(`${it.authors.toLowerCase()}|${it.year}`);
      first ??= m;
    }
    if (!first || works.size < options.minCitations) return;
    yield {
      range: first.range,
      message: `The paper cites ${works.size} works in author–year form (the first here) but has no reference list; add a References section that lists them.`,
    };
  },
});
