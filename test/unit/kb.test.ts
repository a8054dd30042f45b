import { describe, expect, it } from 'vitest';
import frameworks from '../../server/src/kb/frameworks.json';
import wordLists from '../../server/src/kb/commonAcronyms.json';
import {
  builtinInfo,
  contentWords,
  createKnowledgeBase,
  isCapsWord,
  isCommonAcronym,
  isCountryCode,
  isUnit,
  loadBuiltinKnowledgeBase,
  loadGlossary,
  normalizeName,
} from '../../server/src/kb/index';
import type { KbEntry } from '../../server/src/kb/types';

const ISO_DATE = /^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;
/** Kinds of entry that have no member states to list or count. */
const NO_MEMBERSHIP_KINDS = new Set([
  'legislation',
  'regulation',
  'government agency',
  'government ministry',
  'government committee',
  'export credit agency',
  'development finance institution',
  'initiative',
  'proposed trade agreement',
  'parliamentary alliance',
  'treaty',
]);
const STATUSES = new Set(['active', 'superseded', 'proposed', 'negotiating', 'not in force']);

const raw = frameworks as unknown as { version: number; asOf: string; entries: (KbEntry & Record<string, unknown>)[] };
const kb = loadBuiltinKnowledgeBase();
const entry = (id: string): KbEntry => {
  const e = kb.byId(id);
  if (!e) throw new Error(`no entry ${id}`);
  return e;
};

describe('frameworks.json shape', () => {
  it('has a version, a date and at least 55 entries', () => {
    expect(raw.version).toBe(1);
    expect(raw.asOf).toMatch(/^2025-\d{2}-\d{2}$/);
    expect(builtinInfo).toEqual({ version: 1, asOf: raw.asOf });
    expect(raw.entries.length).toBeGreaterThanOrEqual(55);
    expect(kb.entries.length).toBe(raw.entries.length);
  });

  it('gives every entry the required fields with the right types', () => {
    const allowed = new Set(['id', 'acronym', 'name', 'aliases', 'kind', 'established', 'status', 'members', 'memberCount', 'membersAsOf', 'summary', 'source', 'relatedIds']);
    const ids = new Set(raw.entries.map((e) => e.id));
    for (const e of raw.entries) {
      const where = `entry ${e.id}`;
      for (const k of Object.keys(e)) expect(allowed.has(k), `${where}: field ${k}`).toBe(true);
      expect(e.id, where).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      if (e.acronym !== undefined) {
        expect(typeof e.acronym, where).toBe('string');
        expect(e.acronym.trim(), where).toBe(e.acronym);
        expect(e.acronym.length, where).toBeGreaterThan(1);
      }
      expect(typeof e.name, where).toBe('string');
      expect(e.name.length, where).toBeGreaterThan(3);
      expect(Array.isArray(e.aliases), where).toBe(true);
      for (const a of e.aliases) expect(typeof a === 'string' && a.trim() === a && a.length > 1, `${where}: alias ${a}`).toBe(true);
      expect(new Set(e.aliases).size, where).toBe(e.aliases.length);
      expect(e.aliases, where).not.toContain(e.name);
      expect(typeof e.kind === 'string' && e.kind.length > 2, where).toBe(true);
      expect(e.kind, where).toBe(e.kind.toLowerCase().replace(/^un /, 'UN '));
      expect(e.established, where).toMatch(ISO_DATE);
      expect(e.established >= '1900' && e.established <= raw.asOf, where).toBe(true);
      expect(Array.isArray(e.members), where).toBe(true);
      for (const m of e.members) expect(typeof m === 'string' && m.length > 1, `${where}: member ${m}`).toBe(true);
      expect(new Set(e.members).size, where).toBe(e.members.length);
      if (e.membersAsOf !== undefined) {
        expect(e.membersAsOf, where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(e.membersAsOf <= raw.asOf, where).toBe(true);
      }
      if (e.memberCount !== undefined) {
        expect(Number.isInteger(e.memberCount) && e.memberCount > 0, where).toBe(true);
        expect(e.members, `${where}: memberCount instead of a list, not both`).toEqual([]);
      }
      if (e.members.length || e.memberCount !== undefined) expect(e.membersAsOf, `${where}: membersAsOf`).toBeDefined();
      if (!e.members.length && e.memberCount === undefined) expect(NO_MEMBERSHIP_KINDS.has(e.kind), `${where}: members or memberCount`).toBe(true);
      if (e.status !== undefined) expect(STATUSES.has(e.status), where).toBe(true);
      if (e.relatedIds !== undefined) for (const r of e.relatedIds) expect(ids.has(r) && r !== e.id, `${where}: related ${r}`).toBe(true);
      expect(e.summary.length, where).toBeGreaterThanOrEqual(100);
      expect(e.summary.length, where).toBeLessThanOrEqual(700);
      expect(e.summary, where).not.toMatch(/\n/);
      expect(e.summary, where).toMatch(/[.]$/);
      expect(e.source, where).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/);
    }
  });

  it('has unique ids and case-sensitively unique acronyms, alternative acronyms included', () => {
    const ids = raw.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const acronyms = new Map<string, string>();
    const shaped = (s: string) => /^[\p{Lu}\p{N}][\p{L}\p{N}+&.\-\u2013]*$/u.test(s) && (s.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
    for (const e of raw.entries) {
      for (const a of [...(e.acronym ? [e.acronym] : []), ...e.aliases.filter(shaped)]) {
        expect(acronyms.get(a), `${a} in ${e.id} and ${acronyms.get(a)}`).toBeUndefined();
        acronyms.set(a, e.id);
      }
    }
  });

  it('has no name or alias that normalises to another entry\'s name or alias', () => {
    const owner = new Map<string, string>();
    for (const e of raw.entries) {
      for (const n of new Set([e.name, ...e.aliases].map(normalizeName))) {
        expect(owner.get(n), `"${n}" in ${e.id} and ${owner.get(n)}`).toBeUndefined();
        owner.set(n, e.id);
      }
    }
  });

  it('resolves every entry by its own acronym and names', () => {
    for (const e of kb.entries) {
      if (e.acronym) expect(kb.byAcronym(e.acronym)).toBe(e);
      for (const n of [e.name, ...e.aliases]) expect(kb.byName(n), n).toBe(e);
    }
  });
});

describe('facts', () => {
  it('IPEF: official name, alias and 14 partners', () => {
    const e = kb.byAcronym('IPEF')!;
    expect(e.name).toBe('Indo-Pacific Economic Framework for Prosperity');
    expect(e.aliases).toContain('Indo-Pacific Economic Framework');
    expect(e.members).toEqual([
      'Australia', 'Brunei', 'Fiji', 'India', 'Indonesia', 'Japan', 'Malaysia', 'New Zealand',
      'Philippines', 'Singapore', 'South Korea', 'Thailand', 'United States', 'Vietnam',
    ]);
    expect(e.established).toBe('2022-05-23');
  });

  it('IPAC is the Inter-Parliamentary Alliance on China', () => {
    expect(kb.byAcronym('IPAC')!.name).toBe('Inter-Parliamentary Alliance on China');
  });

  it('trade agreements', () => {
    const rcep = kb.byAcronym('RCEP')!;
    expect(rcep.members.length).toBe(15);
    expect(rcep.members).toEqual(expect.arrayContaining(['China', 'Japan', 'South Korea', 'Australia', 'New Zealand', 'Vietnam']));
    expect(rcep.members).not.toContain('India');
    const cptpp = kb.byAcronym('CPTPP')!;
    expect(cptpp.members.length).toBe(12);
    expect(cptpp.members).toContain('United Kingdom');
    expect(cptpp.members).not.toContain('United States');
    expect(cptpp.aliases).toContain('TPP-11');
    expect(kb.byAcronym('TPP')!.members).toContain('United States');
    expect(kb.byAcronym('TPP')!.status).toBe('not in force');
    expect(kb.byAcronym('USMCA')!.members).toEqual(['Canada', 'Mexico', 'United States']);
    expect(kb.byAcronym('NAFTA')!.status).toBe('superseded');
    expect(kb.byAcronym('DEPA')!.members).toEqual(['Chile', 'New Zealand', 'Singapore', 'South Korea']);
    expect(kb.byAcronym('CJK FTA')!.members).toEqual(['China', 'Japan', 'South Korea']);
    expect(kb.byAcronym('WTO')!.memberCount).toBe(166);
  });

  it('security groupings', () => {
    expect(kb.byAcronym('Quad')!.members).toEqual(['Australia', 'India', 'Japan', 'United States']);
    expect(kb.byAcronym('Quad')!.name).toBe('Quadrilateral Security Dialogue');
    expect(kb.byAcronym('AUKUS')!.members).toEqual(['Australia', 'United Kingdom', 'United States']);
    expect(kb.byAcronym('FVEY')!.name).toBe('Five Eyes');
    expect(kb.byAcronym('FVEY')!.members).toEqual(['Australia', 'Canada', 'New Zealand', 'United Kingdom', 'United States']);
    expect(kb.byAcronym('NATO')!.members.length).toBe(32);
    expect(kb.byAcronym('NATO')!.members).toEqual(expect.arrayContaining(['Finland', 'Sweden']));
  });

  it('regional organisations and groupings', () => {
    const asean = kb.byAcronym('ASEAN')!;
    expect(asean.members.length).toBe(11);
    expect(asean.members).toContain('Timor-Leste');
    expect(asean.membersAsOf).toBe('2025-10-26');
    expect(kb.byAcronym('BRICS')!.members.length).toBe(10);
    expect(kb.byAcronym('BRICS')!.name).toBe('Brazil, Russia, India, China and South Africa');
    expect(kb.byAcronym('BRIC')!.id).toBe('brics');
    expect(kb.byAcronym('BRICS')!.members).toContain('Indonesia');
    expect(kb.byAcronym('BRICS')!.members).not.toContain('Saudi Arabia');
    expect(kb.byAcronym('SCO')!.members.length).toBe(10);
    expect(kb.byAcronym('SCO')!.members).toContain('Belarus');
    expect(kb.byAcronym('G7')!.members).toEqual(['Canada', 'France', 'Germany', 'Italy', 'Japan', 'United Kingdom', 'United States']);
    expect(kb.byAcronym('G20')!.members.length).toBe(21);
    expect(kb.byAcronym('G20')!.members).toContain('African Union');
    expect(kb.byAcronym('EU')!.members.length).toBe(27);
    expect(kb.byAcronym('OECD')!.members.length).toBe(38);
    expect(kb.byAcronym('APEC')!.members.length).toBe(21);
    expect(kb.byAcronym('EAS')!.members.length).toBe(18);
    expect(kb.byAcronym('APT')!.members.length).toBe(13);
    expect(kb.byAcronym('ARF')!.members.length).toBe(27);
    expect(kb.byAcronym('PIF')!.members.length).toBe(18);
    expect(kb.byAcronym('OPEC')!.members.length).toBe(12);
    expect(kb.byAcronym('OPEC')!.members).not.toContain('Angola');
  });

  it('names, aliases and acronyms from the brief', () => {
    expect(kb.byAcronym('BRI')!.aliases).toEqual(expect.arrayContaining(['One Belt, One Road', 'OBOR']));
    expect(kb.byAcronym('CHIPS')!.name).toBe('CHIPS and Science Act');
    expect(kb.byAcronym('IRA')!.name).toBe('Inflation Reduction Act');
    expect(kb.byAcronym('Chip 4')!.aliases).toContain('Fab 4');
    expect(kb.byAcronym('PGII')!.name).toBe('Partnership for Global Infrastructure and Investment');
    expect(kb.byAcronym('B3W')!.name).toBe('Build Back Better World');
    expect(kb.byAcronym('DFC')!.name).toBe('U.S. International Development Finance Corporation');
    expect(kb.byAcronym('SCRI')!.name).toBe('Supply Chain Resilience Initiative');
    expect(kb.byAcronym('MSP')!.name).toBe('Minerals Security Partnership');
    expect(kb.byName('Blue Dot Network')!.id).toBe('blue-dot-network');
    expect(kb.byName('Wassenaar Arrangement')!.id).toBe('wassenaar');
    expect(kb.byName('Global Gateway')!.id).toBe('global-gateway');
    expect(kb.byName('EU-Japan EPA')!.id).toBe('eu-japan-epa');
    expect(kb.byName('World Bank')!.id).toBe('world-bank');
    expect(kb.byName('East Asia Summit')!.acronym).toBe('EAS');
  });
});

describe('lookups', () => {
  it('normalizeName', () => {
    expect(normalizeName('The Belt & Road Initiative')).toBe('belt and road initiative');
    expect(normalizeName('One Belt, One Road')).toBe('one belt one road');
    expect(normalizeName('Indo–Pacific  Economic—Framework')).toBe('indo pacific economic framework');
    expect(normalizeName('U.S. Trade Representative')).toBe('us trade representative');
    expect(normalizeName('Ministry of Commerce of the People’s Republic of China')).toBe('ministry of commerce of the peoples republic of china');
    expect(normalizeName('“Five Eyes”')).toBe('five eyes');
    expect(normalizeName('ASEAN+3')).toBe('asean plus 3');
    expect(normalizeName('Mercado Común del Sur')).toBe('mercado comun del sur');
    expect(normalizeName('theory of the case')).toBe('theory of the case');
  });

  it('byName ignores case, punctuation, dashes, "&", a leading "the" and curly quotes', () => {
    expect(kb.byName('indo-pacific economic framework for prosperity')?.id).toBe('ipef');
    expect(kb.byName('Indo–Pacific Economic Framework')?.id).toBe('ipef');
    expect(kb.byName('INDO PACIFIC ECONOMIC FRAMEWORK')?.id).toBe('ipef');
    expect(kb.byName('the Belt & Road Initiative')?.id).toBe('bri');
    expect(kb.byName('One Belt One Road')?.id).toBe('bri');
    expect(kb.byName('“Five Eyes”')?.id).toBe('five-eyes');
    expect(kb.byName('Ministry of Commerce of the People’s Republic of China')?.id).toBe('mofcom');
    expect(kb.byName('US International Development Finance Corporation')?.id).toBe('dfc');
    expect(kb.byName('  ASEAN   Regional Forum ')?.id).toBe('arf');
    expect(kb.byName('Trans Pacific Partnership')?.id).toBe('tpp');
    expect(kb.byName('Association of Southeast Asian Nations.')?.id).toBe('asean');
    expect(kb.byName('United States—Mexico—Canada Agreement')?.id).toBe('usmca');
    expect(kb.byName('Organisation for Economic Co-operation and Development')?.id).toBe('oecd');
    expect(kb.byName('Organization for Economic Cooperation and Development')?.id).toBe('oecd');
    expect(kb.byName('Economic Framework')).toBeUndefined();
    expect(kb.byName('')).toBeUndefined();
  });

  it('byAcronym is exact and also finds acronym-shaped aliases', () => {
    expect(kb.byAcronym('IPEF')?.id).toBe('ipef');
    expect(kb.byAcronym('ipef')).toBeUndefined();
    expect(kb.byAcronym('Quad')?.id).toBe('quad');
    expect(kb.byAcronym('QUAD')).toBeUndefined();
    expect(kb.byAcronym('OBOR')?.id).toBe('bri');
    expect(kb.byAcronym('CUSMA')?.id).toBe('usmca');
    expect(kb.byAcronym('TPP-11')?.id).toBe('cptpp');
    expect(kb.byAcronym('IBRD')?.id).toBe('world-bank');
    expect(kb.byAcronym('Fab 4')).toBeUndefined();
    expect(kb.byAcronym('XYZZY')).toBeUndefined();
  });

  it('byAcronymLoose compares case-insensitively when unambiguous', () => {
    expect(kb.byAcronymLoose('QUAD')?.id).toBe('quad');
    expect(kb.byAcronymLoose('quad')?.id).toBe('quad');
    expect(kb.byAcronymLoose('Mercosur')?.id).toBe('mercosur');
    expect(kb.byAcronymLoose('AFCFTA')?.id).toBe('afcfta');
    expect(kb.byAcronymLoose('ADMM-PLUS')?.id).toBe('admm-plus');
    expect(kb.byAcronymLoose('CHIP 4')?.id).toBe('chip-4');
    expect(kb.byAcronymLoose('Chip-4')?.id).toBe('chip-4');
    expect(kb.byAcronymLoose('cjk-fta')?.id).toBe('cjk-fta');
    expect(kb.byAcronymLoose('Obor')?.id).toBe('bri');
    expect(kb.byAcronymLoose('XYZZY')).toBeUndefined();
    const two = createKnowledgeBase([
      { id: 'a', acronym: 'NoD', name: 'Alpha', aliases: [], kind: 'term', established: '', members: [], summary: '', source: '' },
      { id: 'b', acronym: 'NOd', name: 'Beta', aliases: [], kind: 'term', established: '', members: [], summary: '', source: '' },
    ]);
    expect(two.byAcronymLoose('NoD')?.id).toBe('a');
    expect(two.byAcronymLoose('NOD')).toBeUndefined();
  });

  it('findByNameFuzzy guesses the entry of a garbled long form', () => {
    expect(contentWords('Partnership for Global Infrastructure and Investment')).toEqual(['partnership', 'global', 'infrastructure', 'investment']);
    const pgii = kb.findByNameFuzzy('Partnership for Global Infrastructure Investment');
    expect(pgii?.entry.id).toBe('pgii');
    expect(pgii?.score).toBe(1);
    const rcep = kb.findByNameFuzzy('Regional Comprehensive Economic Partnership Agreement');
    expect(rcep?.entry.id).toBe('rcep');
    expect(rcep?.score).toBeCloseTo(8 / 9, 10);
    const quad = kb.findByNameFuzzy('Quadrilateral Security Dialog');
    expect(quad?.entry.id).toBe('quad');
    expect(quad?.score).toBeCloseTo(2 / 3, 10);
    expect(kb.findByNameFuzzy('Indo-Pacific Economic Framework')).toEqual({ entry: entry('ipef'), score: 1 });
    // as close to the SCO as to the GCC: ambiguous
    expect(kb.findByNameFuzzy('Shanghai Cooperation Council')).toBeUndefined();
    // half the words: not above 0.6
    expect(kb.findByNameFuzzy('Global Infrastructure Fund')).toBeUndefined();
    expect(kb.findByNameFuzzy('the of and')).toBeUndefined();
  });
});

describe('createKnowledgeBase overrides', () => {
  it('merges by id, by acronym, and adds new entries without touching the built-in data', () => {
    const before = JSON.stringify(kb.entries);
    const custom = createKnowledgeBase(kb.entries, [
      { id: 'ipef', summary: 'Our own one-line summary of the framework.', aliases: ['IPEF framework', 'Indo-Pacific Economic Framework'] },
      { acronym: 'RCEP', kind: 'mega-regional trade agreement' },
      { acronym: 'CBDR', name: 'Common but differentiated responsibilities' },
      { acronym: 'NEWCO' },
      { summary: 'no name, acronym or id: ignored' },
    ]);
    const ipef = custom.byAcronym('IPEF')!;
    expect(ipef.summary).toBe('Our own one-line summary of the framework.');
    expect(ipef.aliases).toEqual(['Indo-Pacific Economic Framework', 'IPEF framework']);
    expect(ipef.name).toBe('Indo-Pacific Economic Framework for Prosperity');
    expect(ipef.members.length).toBe(14);
    expect(custom.byName('IPEF Framework')).toBe(ipef);
    expect(custom.byAcronym('RCEP')!.id).toBe('rcep');
    expect(custom.byAcronym('RCEP')!.kind).toBe('mega-regional trade agreement');
    expect(custom.byAcronym('CBDR')).toEqual({
      id: 'cbdr',
      acronym: 'CBDR',
      name: 'Common but differentiated responsibilities',
      aliases: [],
      kind: 'glossary entry',
      established: '',
      members: [],
      summary: '',
      source: '',
    });
    expect(custom.byAcronym('NEWCO')!.name).toBe('NEWCO');
    expect(custom.entries.length).toBe(kb.entries.length + 2);
    expect(custom.byName('common but differentiated responsibilities')!.acronym).toBe('CBDR');
    expect(JSON.stringify(kb.entries)).toBe(before);
    expect(kb.byAcronym('IPEF')!.aliases).toEqual(['Indo-Pacific Economic Framework']);
    expect(loadBuiltinKnowledgeBase()).toBe(kb);
  });

  it('gives generated ids that do not clash', () => {
    const custom = createKnowledgeBase(kb.entries, [{ name: 'Quad' }]);
    expect(custom.entries.at(-1)!.id).toBe('quad-2');
  });
});

describe('loadGlossary', () => {
  it('reads a valid YAML glossary', () => {
    const text = [
      '# team glossary',
      'version: 1',
      'entries:',
      '  - acronym: CBDR',
      '    name: Common but differentiated responsibilities',
      '    aliases: [CBDR-RC]',
      '  - id: ipef',
      '    summary: Our own summary.',
      '    established: 2022',
      '    membersAsOf: 2025-01-31',
      '',
    ].join('\n');
    expect(loadGlossary('/w/glossary.yaml', text)).toEqual({
      entries: [
        { acronym: 'CBDR', name: 'Common but differentiated responsibilities', aliases: ['CBDR-RC'] },
        { id: 'ipef', summary: 'Our own summary.', established: '2022', membersAsOf: '2025-01-31' },
      ],
      errors: [],
    });
  });

  it('reads a bare YAML list and an empty file', () => {
    expect(loadGlossary('g.yml', '- acronym: GVC\n  name: Global value chain\n')).toEqual({
      entries: [{ acronym: 'GVC', name: 'Global value chain' }],
      errors: [],
    });
    expect(loadGlossary('g.yml', '')).toEqual({ entries: [], errors: [] });
    expect(loadGlossary('g.json', '  \n')).toEqual({ entries: [], errors: [] });
  });

  it('reads a valid JSON glossary', () => {
    const text = JSON.stringify({ entries: [{ acronym: 'GVC', name: 'Global value chain', memberCount: 3, status: 'proposed' }, { id: 'quad', aliases: ['Quad grouping'] }] }, null, 2);
    expect(loadGlossary('glossary.json', text)).toEqual({
      entries: [
        { acronym: 'GVC', name: 'Global value chain', memberCount: 3, status: 'proposed' },
        { id: 'quad', aliases: ['Quad grouping'] },
      ],
      errors: [],
    });
  });

  it('reports malformed YAML at its exact position and keeps nothing', () => {
    const text = 'entries:\n  - acronym: ABC\n    name: Alpha: Beta\n';
    expect(loadGlossary('g.yaml', text)).toEqual({
      entries: [],
      errors: [{ message: 'Invalid YAML: Nested mappings are not allowed in compact mappings', line: 3, column: 11 }],
    });
    expect(loadGlossary('g.yaml', 'entries:\n  - acronym: ABC\n    name: x\n   - acronym: DEF\n')).toEqual({
      entries: [],
      errors: [{ message: 'Invalid YAML: All sequence items must start at the same column', line: 4, column: 4 }],
    });
  });

  it('reports malformed JSON at its exact position and keeps nothing', () => {
    const missingComma = '{\n  "entries": [\n    { "acronym": "ABC", "name": "Alpha" },\n    { "acronym": "XYZ" "name": "X" }\n  ]\n}\n';
    expect(loadGlossary('g.json', missingComma)).toEqual({
      entries: [],
      errors: [{ message: 'Invalid JSON: Unexpected string; expected "," or "}" after a property value', line: 4, column: 24 }],
    });
    const trailingComma = '{\n  "entries": [\n    { "acronym": "ABC", "name": "Alpha" },\n  ]\n}\n';
    expect(loadGlossary('g.json', trailingComma).errors).toEqual([
      { message: 'Invalid JSON: Unexpected "]"; expected a value (trailing commas are not allowed)', line: 4, column: 3 },
    ]);
    const unterminated = '[\n  { "acronym": "ABC",\n    "name": "Alpha }\n]';
    expect(loadGlossary('g.json', unterminated).errors).toEqual([
      { message: 'Invalid JSON: Unterminated string (strings cannot span lines)', line: 3, column: 13 },
    ]);
    expect(loadGlossary('g.json', '{"entries": [').errors).toEqual([
      { message: 'Invalid JSON: Unexpected end of JSON input; expected a value', line: 1, column: 14 },
    ]);
  });

  it('skips entries with wrong types, pointing at the offending value, and keeps the rest (YAML)', () => {
    const text = [
      'entries:',
      '  - acronym: ABC',
      '    name: Alpha Beta Gamma',
      '  - acronym: 42',
      '    name: Forty-two',
      '  - name: Gamma',
      '    aliases: Gamma Ray',
      '  - Just a string',
      '  - acronym: OK1',
      '    members: [Japan, 3]',
      '    memberCount: -1',
      '  - acronym: DEF',
      '    established: May 2020',
      '    alias: [D]',
      '  - summary: nothing to name it by',
      '  - acronym: ABC',
      '    name: Another ABC',
      '',
    ].join('\n');
    const { entries, errors } = loadGlossary('g.yaml', text);
    expect(entries).toEqual([{ acronym: 'ABC', name: 'Alpha Beta Gamma' }]);
    expect(errors).toEqual([
      { message: 'Entry 2: "acronym" must be a string (found the number 42)', line: 4, column: 14 },
      { message: 'Entry 3: "aliases" must be a list of strings (found the text "Gamma Ray")', line: 7, column: 14 },
      { message: 'Entry 4 must be a mapping of fields such as "acronym" and "name" (found the text "Just a string")', line: 8, column: 5 },
      { message: 'Entry 5: "members" must be a list of non-empty strings (found the number 3 in the list)', line: 10, column: 22 },
      { message: 'Entry 5: "memberCount" must be a whole number of 0 or more (found the number -1)', line: 11, column: 18 },
      { message: 'Entry 6: "established" must be an ISO date "YYYY", "YYYY-MM" or "YYYY-MM-DD" (found the text "May 2020")', line: 13, column: 18 },
      {
        message: 'Entry 6: unknown field "alias" (known fields: id, acronym, name, aliases, kind, established, members, membersAsOf, memberCount, status, relatedIds, summary, source)',
        line: 14,
        column: 5,
      },
      { message: 'Entry 7 needs at least one of "acronym", "name" or "id"', line: 15, column: 5 },
      { message: 'Entry 8: acronym "ABC" is already used by entry 1 (line 2)', line: 16, column: 5 },
    ]);
  });

  it('skips entries with wrong types and keeps the rest (JSON)', () => {
    const text = [
      '[',
      '  { "acronym": "ABC", "name": "Alpha" },',
      '  { "acronym": "XYZ", "source": "www.example.org" },',
      '  { "acronym": "Q", "status": "dormant" },',
      '  { "acronym": "DEF", "aliases": ["D", ""] },',
      '  { "acronym": "GHI", "name": "Ghi", "name": "Gee" },',
      '  null',
      ']',
    ].join('\n');
    const { entries, errors } = loadGlossary('g.json', text);
    expect(entries).toEqual([{ acronym: 'ABC', name: 'Alpha' }]);
    expect(errors).toEqual([
      { message: 'Entry 2: "source" must be an http(s) URL (found the text "www.example.org")', line: 3, column: 33 },
      { message: 'Entry 3: "status" must be one of "active", "superseded", "proposed", "negotiating", "not in force" (found the text "dormant")', line: 4, column: 31 },
      { message: 'Entry 4: "aliases" must be a list of non-empty strings (found the text "" in the list)', line: 5, column: 40 },
      { message: 'Entry 5: field "name" is given twice', line: 6, column: 38 },
      { message: 'Entry 6 must be a mapping of fields such as "acronym" and "name" (found nothing)', line: 7, column: 3 },
    ]);
  });

  it('checks the top level', () => {
    expect(loadGlossary('g.yaml', 'terms:\n  - acronym: ABC\n')).toEqual({
      entries: [],
      errors: [
        { message: 'Unknown top-level field "terms" (expected "entries")', line: 1, column: 1 },
        { message: 'Missing "entries": a glossary is a list of entries, or a mapping with an "entries" list', line: 1, column: 1 },
      ],
    });
    expect(loadGlossary('g.json', '{"entries": {"acronym": "ABC"}}').errors).toEqual([
      { message: '"entries" must be a list (found a mapping)', line: 1, column: 13 },
    ]);
    expect(loadGlossary('g.yaml', 'just text\n').errors).toEqual([
      { message: 'A glossary must be a list of entries, or a mapping with an "entries" list (found the text "just text")', line: 1, column: 1 },
    ]);
  });

  it('chooses the parser by extension, sniffing unknown ones', () => {
    expect(loadGlossary('glossary', '[{"acronym": "ABC", "name": "Alpha"}]').entries).toEqual([{ acronym: 'ABC', name: 'Alpha' }]);
    expect(loadGlossary('glossary', '- acronym: ABC\n').entries).toEqual([{ acronym: 'ABC' }]);
    expect(loadGlossary('G.YML', '- acronym: ABC\n').entries).toEqual([{ acronym: 'ABC' }]);
  });

  it('feeds createKnowledgeBase', () => {
    const { entries } = loadGlossary('g.yaml', 'entries:\n  - acronym: Quad\n    summary: Custom.\n  - acronym: GVC\n    name: Global value chain\n');
    const custom = createKnowledgeBase(kb.entries, entries);
    expect(custom.byAcronym('Quad')!.summary).toBe('Custom.');
    expect(custom.byAcronym('Quad')!.members).toEqual(['Australia', 'India', 'Japan', 'United States']);
    expect(custom.byName('global value chain')!.acronym).toBe('GVC');
  });
});

describe('word lists', () => {
  it('has the expected shape', () => {
    expect(Object.keys(wordLists).sort()).toEqual(['capsWords', 'common', 'countryCodes', 'units']);
    expect(wordLists.common.length).toBeGreaterThanOrEqual(60);
    expect(wordLists.common.length).toBeLessThanOrEqual(250);
    expect(wordLists.capsWords.length).toBeGreaterThanOrEqual(150);
    for (const list of Object.values(wordLists)) expect(new Set(list).size).toBe(list.length);
    for (const w of wordLists.capsWords) expect(w).toMatch(/^[A-Z]+$/);
  });

  it('lists every ISO 3166-1 alpha-2 and alpha-3 code', () => {
    const codes = wordLists.countryCodes;
    expect(codes.filter((c) => /^[A-Z]{2}$/.test(c)).length).toBe(249);
    expect(codes.filter((c) => /^[A-Z]{3}$/.test(c)).length).toBe(249);
    expect(codes.length).toBe(498);
    for (const c of ['US', 'USA', 'JP', 'JPN', 'KR', 'KOR', 'KP', 'PRK', 'TW', 'TWN', 'TL', 'TLS', 'GB', 'GBR', 'CN', 'CHN', 'SS', 'SSD', 'AX', 'ALA']) {
      expect(isCountryCode(c), c).toBe(true);
    }
    expect(isCountryCode('UK')).toBe(false);
    expect(isCountryCode('EU')).toBe(false);
    expect(isCountryCode('jp')).toBe(false);
    expect(isCountryCode('XX')).toBe(false);
  });

  it('answers the helpers', () => {
    for (const t of ['US', 'UK', 'EU', 'UN', 'GDP', 'CEO', 'NGO', 'NGOs', 'COVID', 'PhD', 'USD', 'RMB', 'DC']) expect(isCommonAcronym(t), t).toBe(true);
    for (const t of ['FDI', 'IPEF', 'PRC', 'us', 'Ss']) expect(isCommonAcronym(t), t).toBe(false);
    for (const t of ['GW', 'GWh', 'TWh', 'MT', 'KM', 'CO2', 'GHz', 'TB', 'NM']) expect(isUnit(t), t).toBe(true);
    expect(isUnit('IPEF')).toBe(false);
    for (const t of ['NOT', 'AND', 'THE', 'MUST', 'NEVER', 'NOTE', 'WARNING', 'IMPORTANT', 'SHALL', 'MAY']) expect(isCapsWord(t), t).toBe(true);
    for (const t of ['WHO', 'US', 'IT', 'not']) expect(isCapsWord(t), t).toBe(false);
  });

  it('keeps the lists apart from each other and from the knowledge base', () => {
    const acronyms = new Set(kb.entries.flatMap((e) => (e.acronym ? [e.acronym] : [])));
    const caps = new Set(wordLists.capsWords);
    expect(wordLists.common.filter((w) => caps.has(w))).toEqual([]);
    expect(wordLists.units.filter((w) => caps.has(w))).toEqual([]);
    expect(wordLists.units.filter((w) => wordLists.common.includes(w))).toEqual([]);
    expect(wordLists.capsWords.filter((w) => acronyms.has(w))).toEqual([]);
    expect(wordLists.units.filter((w) => acronyms.has(w))).toEqual([]);
    expect(wordLists.common.filter((w) => acronyms.has(w)).sort()).toEqual(['EU', 'UN']);
  });
});
