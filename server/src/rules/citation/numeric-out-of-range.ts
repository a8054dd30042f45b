import { defineRule } from '../../core/rule';
import { docsPath } from './util';

export default defineRule({
  meta: {
    id: 'citation/numeric-out-of-range',
    description: 'A numeric citation such as `[12]` beyond the paper’s numbered list of notes or references.',
    defaultSeverity: 'warning',
    fixable: false,
    defaultOptions: {},
    options: {},
    docs: docsPath('citation/numeric-out-of-range'),
  },
  *check({ ledgers }) {
    const c = ledgers.citations;
    if (!c.numbered.length) return;
    const last = c.numbered.reduce((a, b) => (b.number > a.number ? b : a));
    const max = last.number;
    for (const m of c.markers) {
      if (m.kind !== 'numeric') continue;
      const bad = [...new Set(m.items.map((i) => i.number!).filter((n) => n > max || n < 1))];
      if (!bad.length) continue;
      yield {
        range: m.range,
        message: `${bad.length === 1 ? `Citation ${bad[0]} points` : `Citations ${bad.join(', ')} point`} beyond the numbered list, which ends at ${max}.`,
        related: [{ range: last.range, message: `entry ${max}` }],
      };
    }
  },
});
