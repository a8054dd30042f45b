import { defineRule } from '../../core/rule';
import { docsPath } from './util';

export default defineRule({
  meta: {
    id: 'citation/undefined-footnote',
    description: 'A footnote reference `[^x]` with no footnote definition.',
    defaultSeverity: 'warning',
    fixable: false,
    defaultOptions: {},
    options: {},
    docs: docsPath('citation/undefined-footnote'),
  },
  *check({ ledgers, text }) {
    const c = ledgers.citations;
    for (const m of c.markers) {
      if (m.kind !== 'footnote') continue;
      const label = m.items[0]?.label;
      if (label === undefined || c.footnoteDefinitions.has(label)) continue;
      const written = text.slice(m.range.start, m.range.end);
      yield { range: m.range, message: `Footnote ${written} has no definition; add “${written}: …” with its source, or remove the reference.` };
    }
  },
});
