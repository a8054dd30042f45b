import { describe, it } from 'vitest';
import { runCase, type Case } from './harness';

/** Table tests: own sentences, exact ranges [line, startChar, endChar], messages, fix titles and fixed text. */
const table: Record<string, Case[]> = {
  'acronym/misspelled': [
    {
      name: 'a doubled letter of an acronym the paper defines',
      md: 'The Pacific Alliance Data Council (PADC) met in May.\n\nDelegates praised the PADDC for its work.',
      expect: [{
        at: [2, 22, 27],
        message: '“PADDC” is not a known acronym; did you mean PADC (Pacific Alliance Data Council, defined on line 1)?',
        fixes: ['Replace with PADC'],
        output: 'The Pacific Alliance Data Council (PADC) met in May.\n\nDelegates praised the PADC for its work.',
      }],
    },
    {
      name: 'swapped letters of a knowledge-base acronym the paper uses',
      md: 'RCEP took effect in 2022. Critics of the RECP say it is shallow.',
      expect: [{
        at: [0, 41, 45],
        message: '“RECP” is not a known acronym; did you mean RCEP (Regional Comprehensive Economic Partnership, used in this paper)?',
        fixes: ['Replace with RCEP'],
        output: 'RCEP took effect in 2022. Critics of the RCEP say it is shallow.',
      }],
    },
    {
      name: 'a possessive misspelling keeps its apostrophe',
      md: 'The Digital Trade Office (DTO) and the Regional Data Compact (RDC) matter.\n\nThe DOT’s remit grew.',
      expect: [{
        at: [2, 4, 7],
        message: '“DOT” is not a known acronym; did you mean DTO (Digital Trade Office, defined on line 1)?',
        fixes: ['Replace with DTO'],
        output: 'The Digital Trade Office (DTO) and the Regional Data Compact (RDC) matter.\n\nThe DTO’s remit grew.',
      }],
    },
    { name: 'valid: plurals, possessives and defined look-alikes', md: 'Non-governmental organisations (NGOs) and the Trade Policy Unit (TPU) work with the Trade Policy Unit Board (TPUB). NGOs’ reports and the TPU’s budget grew.', expect: [] },
    { name: 'valid: derived acronyms, and a deletion from a knowledge-base-only acronym', md: 'Lower-middle-income countries (LMIC) and middle-income countries (MIC) differ. CIPS is a payment network.', expect: [] },
    { name: 'valid: a one-letter change of a three-letter acronym is another acronym', md: 'The East Asia Summit (EAS) met. The EAC did not.', expect: [] },
    { name: 'valid: emphasis, Roman numerals, units and country codes', md: 'Do **NOT** sign Phase III before the 10 GW target; JPN and KOR agree.', expect: [] },
  ],
  'acronym/wrong-expansion': [
    // found by the property test: the fix of "RECP" made this sentence look like a definition of RCEP
    { name: 'valid: words before the parenthesis that start with the acronym itself are no expansion', md: 'RCEP Pacific Data Standards Council (RCEP) members met.', expect: [] },
    {
      name: 'the expansion is the name of a different known framework',
      md: 'RCEP members met in Hanoi. RCEP (Digital Economy Partnership Agreement) rules differ.',
      expect: [{
        at: [0, 33, 70],
        message: '“Digital Economy Partnership Agreement” is the name of DEPA, not RCEP. RCEP stands for “Regional Comprehensive Economic Partnership”.',
        fixes: ['Replace the expansion with “Regional Comprehensive Economic Partnership”', 'Replace RCEP with DEPA'],
        output: 'RCEP members met in Hanoi. RCEP (Regional Comprehensive Economic Partnership) rules differ.',
      }],
    },
    {
      name: 'letters that do not fit, long form first, with a comma before "and"',
      md: 'The Maritime Connectivity, and Ports Initiative (MCPIG) was launched.',
      expect: [{
        at: [0, 4, 47],
        message: 'The expansion “Maritime Connectivity, and Ports Initiative” does not fit MCPIG: its initials M-C-P-I do not spell it.',
        fixes: [],
      }],
    },
    {
      name: 'letters that fit but contradict the knowledge base',
      md: 'The Asian Development Bureau (ADB) lends to members. The ADB expanded.',
      expect: [{
        at: [0, 4, 28],
        message: 'ADB is expanded as “Asian Development Bureau”, but its name is “Asian Development Bank”.',
        fixes: ['Replace the expansion with “Asian Development Bank”'],
        output: 'The Asian Development Bank (ADB) lends to members. The ADB expanded.',
      }],
    },
    {
      name: 'valid: official names, aliases, British spelling, a member gloss and a counted article',
      md: 'The World Trade Organisation (WTO) and the Belt and Road Initiative (BRI) are old. AUKUS (Australia, the UK and the US) is new, and the Quad (the United States, Japan and Australia) met. The Association of Southeast Asian Nations (ASEAN) and The Policy Lab (TPL) agree.',
      expect: [],
    },
  ],
  'acronym/inconsistent-expansion': [
    {
      name: 'two expansions of an acronym the knowledge base does not know',
      md: '## One\n\nThe Maritime Data Exchange (MDE) opened.\n\n## Two\n\nThe Marine Debris Effort (MDE) closed.',
      expect: [{
        at: [6, 4, 24],
        message: 'MDE is expanded here as “Marine Debris Effort” but as “Maritime Data Exchange” on line 3.',
        fixes: ['Use the first expansion, “Maritime Data Exchange”'],
        related: [[2, 4, 26]],
        output: '## One\n\nThe Maritime Data Exchange (MDE) opened.\n\n## Two\n\nThe Maritime Data Exchange (MDE) closed.',
      }],
    },
    { name: 'valid: the same words with and without a hyphen', md: 'Extreme ultraviolet lithography (EUV) is scarce. Later, extreme ultra-violet (EUV) tools are named.', expect: [] },
    { name: 'valid: a shortened form is the same expansion', md: 'The Regional Comprehensive Economic Partnership Agreement (RCEP) and later the Regional Comprehensive Economic Partnership (RCEP).', expect: [] },
  ],
  'acronym/used-before-definition': [
    {
      name: 'a use before a long-first definition',
      md: 'The PDEX helps traders.\n\nThe Port Data Exchange (PDEX) opened in 2021.',
      expect: [{
        at: [0, 4, 8],
        message: 'PDEX is used here before it is defined on line 3 as “Port Data Exchange”.',
        fixes: ['Move the definition here: “Port Data Exchange (PDEX)”'],
        related: [[2, 4, 29]],
        output: 'The Port Data Exchange (PDEX) helps traders.\n\nThe PDEX opened in 2021.',
      }],
    },
    { name: 'valid: uses in headings and citations do not count', md: '# PDEX review\n\nAs noted (PDEX, 2020), the Port Data Exchange (PDEX) opened.', expect: [] },
  ],
  'acronym/undefined': [
    {
      name: 'an unknown acronym used twice is reported once',
      md: 'The ZQRT report was late. The ZQRT was revised.',
      expect: [{ at: [0, 4, 8], message: 'ZQRT is never defined (used 2 times) and is not a known framework; spell it out at first use, e.g. "Full Name (ZQRT)".' }],
    },
    { name: 'valid: common acronyms, known frameworks and reference lists', md: 'US and EU GDP rose; IPEF and NATO met in the UK.\n\n## References\n\nZQRT (2020). A report.', expect: [] },
  ],
  'acronym/redefined': [
    {
      name: 'a second identical definition',
      md: 'The Port Data Exchange (PDEX) opened. Later the Port Data Exchange (PDEX) closed.',
      expect: [{
        at: [0, 48, 73],
        message: 'PDEX was already defined on line 1; the acronym alone is enough here.',
        fixes: ['Replace the definition with PDEX'],
        related: [[0, 4, 29]],
        output: 'The Port Data Exchange (PDEX) opened. Later the PDEX closed.',
      }],
    },
    { name: 'valid: a single definition', md: 'The Port Data Exchange (PDEX) opened. The PDEX closed.', expect: [] },
  ],
};

for (const [ruleId, cases] of Object.entries(table)) {
  describe(ruleId, () => {
    for (const c of cases) it(c.name, () => runCase(ruleId, c));
  });
}
