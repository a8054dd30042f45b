import { defineRule } from '../../core/rule';
import type { Figure } from '../../core/numbers/ledger';
import type { Fix } from '../../core/types';
import { docsPath, linesText, q } from './util';

interface Options {
  tolerance: number;
  compareUndated: boolean;
}

const REVISION = /\b(previously|previous|revised|revisions?|updated|latest|version|originally|initially|preliminary|earlier estimates?|prior estimates?|new data|old data)\b/i;

/** Significant digits of a number as written: "31.8" and "3.18" → "318". */
function digits(s: string): string {
  return s.replace(/[^\d]/g, '').replace(/^0+/, '').replace(/0+$/, '');
}

/** The power of ten (±1…±3) that turns b into a, when both are exact and written with the same digits. */
export function decimalSlip(a: Figure, b: Figure): number | undefined {
  const qa = a.quantity;
  const qb = b.quantity;
  if (qa.qualifier !== 'exact' || qb.qualifier !== 'exact' || qa.isWord || qb.isWord) return undefined;
  if (digits(qa.numberText) !== digits(qb.numberText) || !digits(qa.numberText)) return undefined;
  for (const k of [1, 2, 3]) {
    for (const f of [10 ** k, 10 ** -k]) {
      const v = qb.value * f;
      if (Math.abs(v - qa.value) <= 1e-9 * Math.max(1, Math.abs(qa.value))) return f;
    }
  }
  return undefined;
}

/** Groups figures whose plausible intervals overlap (transitively); each cluster is sorted by document order. */
function clusters(figs: Figure[], tolerance: number): Figure[][] {
  const widen = (f: Figure): [number, number] => {
    const { lo, hi, value } = f.quantity;
    const t = Math.abs(value) * tolerance;
    return [lo - t, hi + t];
  };
  const sorted = figs.slice().sort((a, b) => widen(a)[0] - widen(b)[0]);
  const out: Figure[][] = [];
  let hi = -Infinity;
  for (const f of sorted) {
    const [l, h] = widen(f);
    if (out.length && l <= hi) {
      out[out.length - 1].push(f);
      hi = Math.max(hi, h);
    } else {
      out.push([f]);
      hi = h;
    }
  }
  return out.map((c) => c.sort((a, b) => a.range.start - b.range.start));
}

export default defineRule<Options>({
  meta: {
    id: 'number/inconsistent-figure',
    description: 'The same measure (same subject, metric, whole and period) stated with values that disagree beyond rounding and approximation.',
    defaultSeverity: 'warning',
    fixable: false,
    defaultOptions: { tolerance: 0, compareUndated: true },
    options: {
      tolerance: { type: 'number', description: 'Extra relative tolerance before two values disagree (0.05 = 5%), on top of rounding and words such as "about".' },
      compareUndated: { type: 'boolean', description: 'Compare mentions that state no period (neither in the sentence nor in the paragraph or section).' },
    },
    docs: docsPath('number/inconsistent-figure'),
  },
  *check({ paper, ledgers, options }) {
    for (const [key, figs] of ledgers.figures.byKey) {
      if (figs.length < 2) continue;
      if (!options.compareUndated && key.endsWith('|?past') || !options.compareUndated && key.endsWith('|?present')) continue;
      const groups = clusters(figs, Math.max(0, options.tolerance));
      // one value: consistent; three or more disagreeing values: a series or scenarios we cannot tell apart
      if (groups.length !== 2) continue;
      const [a, b] = groups;
      // two values in one sentence are a comparison, a range or a correction: not a contradiction
      if (a.some((x) => b.some((y) => x.block === y.block && x.sentence === y.sentence))) continue;
      // revised figures, old and new estimates: the paper says so itself
      if ([...a, ...b].some((x) => REVISION.test(x.block.sentences[x.sentence]?.text ?? ''))) continue;
      const slipped = a.every((x) => b.every((y) => decimalSlip(x, y)));
      // within one paragraph, differing values are contrasts the author makes on purpose (unless the digits are the same)
      if (!slipped && a.some((x) => b.some((y) => x.block === y.block))) continue;
      for (const [mine, other] of [[a, b], [b, a]] as const) {
        for (const f of mine) {
          const o = other[0];
          const slip = decimalSlip(f, o);
          const where = linesText(paper, other.map((x) => x.range));
          const otherValues = [...new Set(other.map((x) => q(x.quantity.text)))].join(' and ');
          const message = slip
            ? `${q(f.quantity.text)} (${f.measure}) differs from ${otherValues} on ${where} by a factor of ${slip > 1 ? slip : 1 / slip} — a slipped decimal point?`
            : `${q(f.quantity.text)} (${f.measure}) disagrees with ${otherValues} on ${where}.`;
          const fixes: Fix[] = slip
            ? [{ title: `Replace ${q(f.quantity.numberText)} with ${q(o.quantity.numberText)}`, edits: [{ range: f.numberRange, newText: o.quantity.numberText }], isSafe: false }]
            : [];
          yield {
            range: f.range,
            message,
            related: other.slice(0, 20).map((x) => ({ range: x.range, message: `${q(x.quantity.text)}: the same measure` })),
            fixes,
          };
        }
      }
    }
  },
});
