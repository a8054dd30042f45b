import { defineRule } from '../../core/rule';
import { initials } from '../../core/acronyms/longform';
import type { AcronymDefinition, AcronymRecord } from '../../core/acronyms/ledger';
import type { Fix } from '../../core/types';
import { docsPath, lineOf, q } from './util';

export default defineRule({
  meta: {
    id: 'acronym/wrong-expansion',
    description: 'An expansion whose letters do not fit its acronym, that contradicts the knowledge base, or that is the name of a different framework.',
    defaultSeverity: 'error',
    fixable: true,
    defaultOptions: {},
    options: {},
    docs: docsPath('acronym/wrong-expansion'),
  },
  *check({ paper, ledgers, kb }) {
    for (const d of ledgers.acronyms.definitions) {
      if (!isWrongExpansion(d)) continue;
      const record = ledgers.acronyms.records.get(d.acronym)!;
      // the expansion to offer: the paper's own correct definition of this acronym, else the knowledge base's name
      const good = record.definitions.find((o) => o !== d && !isWrongExpansion(o));
      const right = good?.longForm ?? d.kb?.name;
      const usedElsewhere = record.uses.length + record.definitions.length > 1;
      const fixes: Fix[] = [];
      if (right) {
        fixes.push({
          title: `Replace the expansion with ${q(right)}`,
          edits: [{ range: d.longRange, newText: right }],
          isSafe: usedElsewhere && (d.kb !== undefined || good !== undefined),
        });
      }
      const other = d.otherEntry ?? (!d.fits ? fuzzyOther(d, kb.findByNameFuzzy(d.longForm)?.entry) : undefined);
      if (other?.acronym && other.acronym !== d.acronym) {
        fixes.push({ title: `Replace ${d.acronym} with ${other.acronym}`, edits: [{ range: d.acronymRange, newText: other.acronym }], isSafe: false });
      }
      const rightText = right
        ? ` ${d.acronym} stands for ${q(right)}${good ? ` (line ${lineOf(paper, good.longRange.start)})` : ''}.`
        : '';
      let message: string;
      if (d.otherEntry) {
        message = `${q(d.longForm)} is the name of ${d.otherEntry.acronym ?? 'another framework'}, not ${d.acronym}.${rightText}`;
      } else if (!d.fits) {
        const ini = initials(d.longForm).split('').join('-');
        message = `The expansion ${q(d.longForm)} does not fit ${d.acronym}: its initials ${ini} do not spell it.${rightText}`;
        if (other?.acronym && !right) message += ` Did you mean ${other.acronym} (${other.name})?`;
      } else {
        message = `${d.acronym} is expanded as ${q(d.longForm)}, but its name is ${q(d.kb!.name)}${d.kb!.aliases.length ? ` (also ${d.kb!.aliases.map(q).join(', ')})` : ''}.`;
      }
      yield {
        range: d.longRange,
        message,
        related: good ? [{ range: good.longRange, message: `${d.acronym} defined as ${q(good.longForm)}` }] : [],
        fixes,
      };
    }
  },
});

export function isWrongExpansion(d: AcronymDefinition): boolean {
  return !d.fits || d.otherEntry !== undefined || d.kbStatus === 'conflict';
}

function fuzzyOther(d: AcronymDefinition, entry: AcronymRecord['kb']) {
  return entry && entry.acronym !== d.acronym ? entry : undefined;
}
