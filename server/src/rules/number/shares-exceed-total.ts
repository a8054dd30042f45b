import { defineRule } from '../../core/rule';
import type { Figure } from '../../core/numbers/ledger';
import { docsPath, fmt, joinAnd, q } from './util';

interface Options {
  tolerance: number;
}

export default defineRule<Options>({
  meta: {
    id: 'number/shares-exceed-total',
    description: 'Shares of one whole, for distinct parts in the same period, that add up to more than 100%.',
    defaultSeverity: 'error',
    fixable: false,
    defaultOptions: { tolerance: 0 },
    options: { tolerance: { type: 'number', description: 'Percentage points the sum may exceed 100 by, beyond what the rounding of each share allows.' } },
    docs: docsPath('number/shares-exceed-total'),
  },
  *check({ ledgers, options }) {
    const { figures, entities } = ledgers.figures;
    const groups = new Map<string, Figure[]>();
    for (const f of figures) {
      const fr = f.frame;
      if (!fr || fr.kind !== 'share' || f.quantity.qualifier === 'upper') continue;
      // undated shares are only added up within one paragraph
      const period = fr.period ?? `?${fr.tense}@${f.block.index}`;
      const key = `${fr.whole.join(' ')}|${period}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push(f);
    }
    const limit = 100 + Math.max(0, options.tolerance);
    for (const figs of groups.values()) {
      const byPart = new Map<string, Figure[]>();
      for (const f of figs) {
        const k = f.frame!.subject.join('+');
        let l = byPart.get(k);
        if (!l) byPart.set(k, (l = []));
        l.push(f);
      }
      if (byPart.size < 2) continue;
      // parts whose members are known and do not overlap
      const kept: { members: Set<string>; figs: Figure[] }[] = [];
      for (const [part, list] of byPart) {
        const members = new Set<string>();
        let known = true;
        for (const id of part.split('+')) {
          const m = entities.members(id);
          if (!m) known = false;
          else for (const x of m) members.add(x);
        }
        if (!known) continue;
        if (kept.some((k) => [...members].some((m) => k.members.has(m)))) continue;
        kept.push({ members, figs: list });
      }
      if (kept.length < 2) continue;
      const lower = (f: Figure) => Math.max(0, f.quantity.lo);
      // first within each paragraph, where shares of one whole are usually given together
      const blocks = [...new Set(kept.flatMap((k) => k.figs.map((f) => f.block)))];
      let reported = false;
      for (const block of blocks) {
        const chosen = kept
          .map((k) => k.figs.filter((f) => f.block === block).sort((x, y) => lower(x) - lower(y))[0])
          .filter((f): f is Figure => !!f);
        if (chosen.length < 2) continue;
        const sum = chosen.reduce((s, f) => s + lower(f), 0);
        if (sum <= limit) continue;
        yield finding(chosen);
        reported = true;
      }
      if (reported) continue;
      // across the paper (dated shares only): the smallest stated value of each part
      if (!figs[0].frame!.period) continue;
      const chosen = kept.map((k) => k.figs.slice().sort((x, y) => lower(x) - lower(y))[0]);
      if (chosen.reduce((s, f) => s + lower(f), 0) > limit) yield finding(chosen);
    }

    function finding(chosen: Figure[]) {
      const ordered = chosen.slice().sort((a, b) => a.range.start - b.range.start);
      const last = ordered[ordered.length - 1];
      const total = ordered.reduce((s, f) => s + f.quantity.value, 0);
      const fr = last.frame!;
      const parts = ordered.map((f) => `${f.quantity.text} (${f.measure!.replace(/’s share of .*$/, '')})`);
      const period = fr.period && !fr.period.startsWith('rel:') ? ` in ${fr.period.replace(/^(\d{4}):(.*)$/, '$2 of $1')}` : '';
      return {
        range: last.range,
        message: `Shares of ${fr.wholeText}${period} add up to ${fmt(total)}%: ${joinAnd(parts)}. Shares of one whole for distinct parts cannot exceed 100%.`,
        related: ordered.slice(0, -1).map((f) => ({ range: f.range, message: `${q(f.quantity.text)}: ${f.measure}` })),
      };
    }
  },
});
