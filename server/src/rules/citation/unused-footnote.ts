import { defineRule } from '../../core/rule';
import { docsPath } from './util';

export default defineRule({
  meta: {
    id: 'citation/unused-footnote',
    description: 'A footnote definition that no `[^x]` reference points to.',
    defaultSeverity: 'warning',
    fixable: false,
    defaultOptions: {},
    options: {},
    docs: docsPath('citation/unused-footnote'),
  },
  *check({ ledgers, text }) {
    const c = ledgers.citations;
    const used = new Set<string>();
    for (const m of c.markers) if (m.kind === 'footnote' && m.items[0]?.label !== undefined) used.add(m.items[0].label);
    for (const def of c.footnoteDefinitions.values()) {
      if (used.has(def.label)) continue;
      const written = text.slice(def.range.start, def.range.end);
      yield { range: def.range, message: `Footnote ${written} is defined but never referenced in the text.` };
    }
  },
});
