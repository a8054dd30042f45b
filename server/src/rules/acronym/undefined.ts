import { defineRule } from '../../core/rule';
import { bodyUses, docsPath } from './util';

interface Options {
  ignore: string[];
  allowCommon: boolean;
}

export default defineRule<Options>({
  meta: {
    id: 'acronym/undefined',
    description: 'An acronym the paper never defines and the knowledge base does not know.',
    defaultSeverity: 'hint',
    fixable: false,
    defaultOptions: { ignore: [], allowCommon: true },
    options: {
      ignore: { type: 'string[]', description: 'Acronyms that need no definition in your papers (added to the built-in list).' },
      allowCommon: { type: 'boolean', description: 'Accept well-known acronyms (US, UK, EU, GDP, …), country codes, units and Roman numerals without a definition.' },
    },
    docs: docsPath('acronym/undefined'),
  },
  *check({ ledgers, options }) {
    for (const record of ledgers.acronyms.records.values()) {
      if (record.definitions.length || record.kb || ledgers.acronyms.misspellings.has(record.acronym)) continue;
      if (options.ignore.includes(record.acronym)) continue;
      if (options.allowCommon && ledgers.acronyms.isOrdinary(record.acronym)) continue;
      if (!/^[\p{Lu}\p{N}&]+$/u.test(record.acronym)) continue;
      const uses = bodyUses(record).filter((u) => !u.inName);
      if (!uses.length) continue;
      const n = uses.length;
      yield {
        range: uses[0].range,
        message: `${record.acronym} is never defined${n > 1 ? ` (used ${n} times)` : ''} and is not a known framework; spell it out at first use, e.g. "Full Name (${record.acronym})".`,
      };
    }
  },
});
