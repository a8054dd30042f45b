import { defineRule } from '../../core/rule';
import { docsPath } from './util';

export default defineRule({
  meta: {
    id: 'citation/placeholder',
    description: 'A citation placeholder left to fill in: (Author, Year), [@TODO], or a footnote reading “Source: TODO.”',
    defaultSeverity: 'information',
    fixable: false,
    defaultOptions: {},
    options: {},
    docs: docsPath('citation/placeholder'),
  },
  *check({ ledgers, text }) {
    const c = ledgers.citations;
    for (const m of c.markers) {
      if (m.kind === 'placeholder') {
        yield { range: m.range, message: `Citation placeholder “${text.slice(m.range.start, m.range.end)}”: replace it with the source.` };
        continue;
      }
      if (m.kind !== 'pandoc') continue;
      for (const item of m.items) {
        if (item.key !== undefined && /^todo$/i.test(item.key)) yield { range: item.range, message: `Citation placeholder “@${item.key}”: replace it with a key from the bibliography.` };
      }
    }
    for (const def of c.footnoteDefinitions.values()) {
      if (/^\s*Source:\s*TODO\.?\s*$/i.test(def.block.text)) {
        yield { range: def.range, message: `Footnote ${text.slice(def.range.start, def.range.end)} is a placeholder (“Source: TODO.”): write the source in it.` };
      }
    }
  },
});
