/**
 * The knowledge base of frameworks and institutions (frameworks.json), user glossaries that extend it,
 * and the word lists (commonAcronyms.json) that tell acronyms from ordinary capitalised tokens.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import frameworksData from './frameworks.json';
import wordLists from './commonAcronyms.json';
import type { FuzzyMatch, KbEntry, KbStatus, KnowledgeBase } from './types';
import { positionsIn, yamlDepthProblem } from '../core/yaml';

export type { FuzzyMatch, KbEntry, KbStatus, KnowledgeBase } from './types';

// ---------------------------------------------------------------------------------------------
// Normalisation

const APOSTROPHES = /['\u2018\u2019\u201A\u201B\u2032`\u00B4]/g;
const QUOTES = /["\u201C\u201D\u201E\u201F\u00AB\u00BB]/g;
const DASHES = /[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212_/\\]/g;

/**
 * The form in which names are compared: lower case, no diacritics, no apostrophes or periods
 * ("U.S." → "us", "People's" → "peoples"), "&" spelled "and", "+" spelled "plus", hyphens, dashes,
 * slashes and other punctuation as single spaces, and no leading "the".
 */
export function normalizeName(name: string): string {
  let t = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  t = t.replace(APOSTROPHES, '').replace(QUOTES, ' ');
  t = t.replace(/&/g, ' and ').replace(/\+/g, ' plus ');
  t = t.replace(/\./g, '');
  t = t.replace(DASHES, ' ');
  t = t.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return t.replace(/^the /, '');
}

/** Small words ignored when comparing long forms word by word. */
const SMALL_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'of', 'for', 'on', 'in', 'to', 'with', 'at', 'by', 'from', 'its', 'their',
  'de', 'del', 'la', 'le', 'el', 'y', 'et', 'des', 'du', 'plus',
]);

/** Content words of a name, normalised and crudely singularised ("Nations" → "nation"). */
export function contentWords(name: string): string[] {
  const out: string[] = [];
  for (const w of normalizeName(name).split(' ')) {
    if (!w || SMALL_WORDS.has(w)) continue;
    out.push(w.length > 4 && w.endsWith('s') && !/(ss|us|is)$/.test(w) ? w.slice(0, -1) : w);
  }
  return out;
}

/** An alias written like an acronym: no spaces, at least two capitals ("OBOR", "TPP-11", "T-MEC", "ASEAN+3"). */
function isAcronymShaped(s: string): boolean {
  return /^[\p{Lu}\p{N}][\p{L}\p{N}+&.\-\u2013]*$/u.test(s) && (s.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

function looseKey(acronym: string): string {
  return acronym.toUpperCase().replace(/[\s\u2010-\u2015-]+/g, '-');
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / (a.size + b.size);
}

// ---------------------------------------------------------------------------------------------
// Knowledge base

const FUZZY_THRESHOLD = 0.6;

function buildKnowledgeBase(list: KbEntry[]): KnowledgeBase {
  const entries: readonly KbEntry[] = Object.freeze(list);
  const ids = new Map<string, KbEntry>();
  const acronyms = new Map<string, KbEntry>();
  const altAcronyms = new Map<string, KbEntry>();
  const loose = new Map<string, Set<KbEntry>>();
  const names = new Map<string, KbEntry>();
  const wordSets: { entry: KbEntry; words: Set<string> }[] = [];

  const addLoose = (key: string, entry: KbEntry) => {
    const k = looseKey(key);
    let set = loose.get(k);
    if (!set) loose.set(k, (set = new Set()));
    set.add(entry);
  };
  const first = <K, V>(map: Map<K, V>, key: K, value: V) => {
    if (!map.has(key)) map.set(key, value);
  };

  for (const entry of entries) {
    first(ids, entry.id, entry);
    if (entry.acronym) {
      first(acronyms, entry.acronym, entry);
      addLoose(entry.acronym, entry);
    }
    for (const n of [entry.name, ...entry.aliases]) {
      const key = normalizeName(n);
      if (key) first(names, key, entry);
      const words = new Set(contentWords(n));
      if (words.size) wordSets.push({ entry, words });
    }
    for (const alias of entry.aliases) {
      if (!isAcronymShaped(alias)) continue;
      first(altAcronyms, alias, entry);
      addLoose(alias, entry);
    }
  }

  const byAcronym = (acronym: string) => acronyms.get(acronym) ?? altAcronyms.get(acronym);
  const byName = (name: string) => names.get(normalizeName(name));

  return {
    entries,
    byId: (id) => ids.get(id),
    byAcronym,
    byAcronymLoose(acronym) {
      const exact = byAcronym(acronym);
      if (exact) return exact;
      const set = loose.get(looseKey(acronym));
      return set && set.size === 1 ? [...set][0] : undefined;
    },
    byName,
    findByNameFuzzy(longForm) {
      const exact = byName(longForm);
      if (exact) return { entry: exact, score: 1 };
      const words = new Set(contentWords(longForm));
      if (!words.size) return undefined;
      const best = new Map<KbEntry, number>();
      for (const { entry, words: w } of wordSets) {
        const s = dice(words, w);
        if (s > (best.get(entry) ?? 0)) best.set(entry, s);
      }
      let top: FuzzyMatch | undefined;
      let tie = false;
      for (const [entry, score] of best) {
        if (!top || score > top.score) {
          top = { entry, score };
          tie = false;
        } else if (score === top.score) tie = true;
      }
      if (!top || tie || top.score <= FUZZY_THRESHOLD) return undefined;
      return top;
    },
  };
}

function cloneEntry(e: KbEntry): KbEntry {
  const c: KbEntry = { ...e, aliases: [...e.aliases], members: [...e.members] };
  if (e.relatedIds) c.relatedIds = [...e.relatedIds];
  return c;
}

function mergeEntry(base: KbEntry, o: Partial<KbEntry>): KbEntry {
  const out: KbEntry = cloneEntry(base);
  const target = out as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(o)) {
    if (value === undefined || key === 'id') continue;
    if (key === 'aliases') {
      for (const a of value as string[]) if (!out.aliases.includes(a)) out.aliases.push(a);
    } else {
      target[key] = Array.isArray(value) ? [...value] : value;
    }
  }
  return out;
}

function slug(s: string): string {
  return normalizeName(s).replace(/ /g, '-') || 'entry';
}

function completeEntry(o: Partial<KbEntry>, taken: ReadonlySet<string>): KbEntry | undefined {
  const name = o.name ?? o.acronym ?? o.id;
  if (!name) return undefined;
  let id = o.id ?? slug(o.acronym ?? name);
  if (!o.id) for (let n = 2, base = id; taken.has(id); n++) id = `${base}-${n}`;
  const entry: KbEntry = {
    id,
    name,
    aliases: [...(o.aliases ?? [])],
    kind: o.kind ?? 'glossary entry',
    established: o.established ?? '',
    members: [...(o.members ?? [])],
    summary: o.summary ?? '',
    source: o.source ?? '',
  };
  if (o.acronym !== undefined) entry.acronym = o.acronym;
  if (o.membersAsOf !== undefined) entry.membersAsOf = o.membersAsOf;
  if (o.memberCount !== undefined) entry.memberCount = o.memberCount;
  if (o.status !== undefined) entry.status = o.status;
  if (o.relatedIds !== undefined) entry.relatedIds = [...o.relatedIds];
  return entry;
}

/**
 * A knowledge base of `entries` with `overrides` applied in order. An override whose `id` (or, failing
 * that, whose `acronym`, compared case-sensitively) matches an entry is merged into it: its fields
 * replace the entry's, except `aliases`, which are added to the entry's. Any other override becomes a
 * new entry (it needs a `name`, `acronym` or `id`; missing fields get empty defaults).
 * Neither argument is modified. When two entries share an acronym or name, lookups find the first.
 */
export function createKnowledgeBase(entries: readonly KbEntry[], overrides: readonly Partial<KbEntry>[] = []): KnowledgeBase {
  const list = entries.map(cloneEntry);
  for (const o of overrides) {
    let i = o.id !== undefined ? list.findIndex((e) => e.id === o.id) : -1;
    if (i < 0 && o.acronym !== undefined) i = list.findIndex((e) => e.acronym === o.acronym);
    if (i >= 0) {
      list[i] = mergeEntry(list[i], o);
    } else {
      const added = completeEntry(o, new Set(list.map((e) => e.id)));
      if (added) list.push(added);
    }
  }
  return buildKnowledgeBase(list);
}

interface FrameworksFile {
  version: number;
  asOf: string;
  entries: KbEntry[];
}

/** Version and date of the built-in data. */
export const builtinInfo: { version: number; asOf: string } = {
  version: (frameworksData as unknown as FrameworksFile).version,
  asOf: (frameworksData as unknown as FrameworksFile).asOf,
};

let builtin: KnowledgeBase | undefined;

/** The built-in knowledge base (frameworks.json), built once. */
export function loadBuiltinKnowledgeBase(): KnowledgeBase {
  builtin ??= createKnowledgeBase((frameworksData as unknown as FrameworksFile).entries);
  return builtin;
}

// ---------------------------------------------------------------------------------------------
// Word lists

const COMMON = new Set<string>(wordLists.common);
const COUNTRY_CODES = new Set<string>(wordLists.countryCodes);
const UNITS = new Set<string>(wordLists.units);
const CAPS_WORDS = new Set<string>(wordLists.capsWords);

/** Acronyms so familiar that papers need not define them ("US", "GDP", "CEO"); also their plurals ("NGOs"). */
export function isCommonAcronym(token: string): boolean {
  if (COMMON.has(token)) return true;
  return token.length > 2 && token.endsWith('s') && COMMON.has(token.slice(0, -1));
}

/** ISO 3166-1 alpha-2 or alpha-3 code, upper case ("JP", "JPN"). */
export function isCountryCode(token: string): boolean {
  return COUNTRY_CODES.has(token);
}

/** A unit or measure written in capitals ("GW", "TWh", "CO2"), exactly as listed. */
export function isUnit(token: string): boolean {
  return UNITS.has(token);
}

/** An English word commonly written in capitals for emphasis ("NOT", "MUST", "NOTE"). */
export function isCapsWord(token: string): boolean {
  return CAPS_WORDS.has(token);
}

export const commonWords = {
  isCommonAcronym,
  isCountryCode,
  isUnit,
  isCapsWord,
  lists: wordLists as { readonly common: readonly string[]; readonly countryCodes: readonly string[]; readonly units: readonly string[]; readonly capsWords: readonly string[] },
};

// ---------------------------------------------------------------------------------------------
// User glossaries

export interface GlossaryError {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

export interface GlossaryResult {
  entries: Partial<KbEntry>[];
  errors: GlossaryError[];
}

/** Parsed value with the offset where it starts, common to the YAML and JSON readers. */
type PNode =
  | { kind: 'scalar'; value: unknown; offset: number }
  | { kind: 'seq'; items: PNode[]; offset: number }
  | { kind: 'map'; pairs: { key: string; keyOffset: number; value: PNode }[]; offset: number };

class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

// --- JSON, with positions -----------------------------------------------------------------------

function describeChar(ch: string | undefined): string {
  if (ch === undefined) return 'end of input';
  if (ch === '\n' || ch === '\r') return 'line break';
  if (ch === '"') return 'string';
  return `"${ch}"`;
}

function parseJsonWithPositions(text: string): PNode | undefined {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const fail = (message: string, at = i): never => {
    throw new SyntaxProblem(message, at);
  };
  const unexpected = (expected: string): never => {
    if (i >= text.length) fail(`Unexpected end of JSON input; expected ${expected}`, text.length);
    return fail(`Unexpected ${describeChar(text[i])}; expected ${expected}`);
  };

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    for (;;) {
      if (i >= text.length) fail('Unterminated string', start);
      const ch = text[i];
      if (ch === '"') {
        i++;
        return out;
      }
      if (ch === '\n' || ch === '\r') fail('Unterminated string (strings cannot span lines)', start);
      if (ch < ' ') fail('Control character in string; write it as an escape sequence');
      if (ch === '\\') {
        const esc = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (esc !== undefined && esc in simple) {
          out += simple[esc];
          i += 2;
        } else if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          fail(`Invalid escape sequence "\\${esc ?? ''}" in string`);
        }
        continue;
      }
      out += ch;
      i++;
    }
  };

  const parseValue = (depth: number): PNode => {
    if (depth > 200) fail('JSON nested too deeply');
    ws();
    const start = i;
    const ch = text[i];
    if (ch === '{') {
      i++;
      const pairs: { key: string; keyOffset: number; value: PNode }[] = [];
      ws();
      if (text[i] === '}') {
        i++;
        return { kind: 'map', pairs, offset: start };
      }
      for (;;) {
        ws();
        if (text[i] !== '"') unexpected(pairs.length ? 'a double-quoted property name (trailing commas are not allowed)' : 'a double-quoted property name or "}"');
        const keyOffset = i;
        const key = parseString();
        ws();
        if (text[i] !== ':') unexpected('":" after a property name');
        i++;
        const value = parseValue(depth + 1);
        pairs.push({ key, keyOffset, value });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return { kind: 'map', pairs, offset: start };
        }
        unexpected('"," or "}" after a property value');
      }
    }
    if (ch === '[') {
      i++;
      const items: PNode[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return { kind: 'seq', items, offset: start };
      }
      for (;;) {
        ws();
        if (text[i] === ']') unexpected('a value (trailing commas are not allowed)');
        items.push(parseValue(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return { kind: 'seq', items, offset: start };
        }
        unexpected('"," or "]" after an array element');
      }
    }
    if (ch === '"') return { kind: 'scalar', value: parseString(), offset: start };
    const num = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (num && (ch === '-' || (ch >= '0' && ch <= '9'))) {
      i += num[0].length;
      if (/[0-9.eE]/.test(text[i] ?? '')) fail('Invalid number', start);
      return { kind: 'scalar', value: Number(num[0]), offset: start };
    }
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { kind: 'scalar', value, offset: start };
      }
    }
    return unexpected('a value');
  };

  ws();
  if (i >= text.length) return undefined;
  const root = parseValue(0);
  ws();
  if (i < text.length) fail(`Unexpected ${describeChar(text[i])} after the end of the JSON value`);
  return root;
}

// --- YAML ---------------------------------------------------------------------------------------

/**
 * The YAML tree as plain nodes, aliases expanded. `budget.nodes` is how many nodes it may make: aliases of aliases
 * expand exponentially (ten lines of "&b [*a, *a, …]" make a billion nodes), so past the budget it throws a
 * SyntaxProblem at the alias being expanded (`via`: the first alias on the way to the node).
 */
function fromYaml(node: unknown, doc: Document, fallback: number, budget: { nodes: number }, depth = 0, via?: number): PNode {
  if (--budget.nodes < 0) throw new SyntaxProblem('aliases ("*name") repeat too much of the file; write the entries out instead', via ?? fallback);
  if (depth > 100) return { kind: 'scalar', value: null, offset: fallback };
  if (node === null || node === undefined) return { kind: 'scalar', value: null, offset: fallback };
  if (isAlias(node)) return fromYaml(node.resolve(doc), doc, node.range?.[0] ?? fallback, budget, depth + 1, via ?? node.range?.[0]);
  const offset = (node as { range?: [number, number, number] }).range?.[0] ?? fallback;
  if (isScalar(node)) return { kind: 'scalar', value: node.value, offset };
  if (isSeq(node)) return { kind: 'seq', items: node.items.map((it) => fromYaml(it, doc, offset, budget, depth + 1, via)), offset };
  if (isMap(node)) {
    return {
      kind: 'map',
      offset,
      pairs: node.items.map((p) => {
        const keyOffset = (p.key as { range?: [number, number, number] } | null)?.range?.[0] ?? offset;
        const key = isScalar(p.key) ? String(p.key.value) : String(p.key);
        return { key, keyOffset, value: fromYaml(p.value, doc, keyOffset, budget, depth + 1, via) };
      }),
    };
  }
  return { kind: 'scalar', value: null, offset };
}

// --- validation ---------------------------------------------------------------------------------

type FieldType = 'id' | 'text' | 'strings' | 'date' | 'count' | 'status' | 'url';

const FIELDS: Record<string, FieldType> = {
  id: 'id',
  acronym: 'id',
  name: 'id',
  aliases: 'strings',
  kind: 'text',
  established: 'date',
  members: 'strings',
  membersAsOf: 'date',
  memberCount: 'count',
  status: 'status',
  relatedIds: 'strings',
  summary: 'text',
  source: 'url',
};

const STATUSES: readonly KbStatus[] = ['active', 'superseded', 'proposed', 'negotiating', 'not in force'];
const ISO_DATE = /^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

function found(node: PNode): string {
  if (node.kind === 'seq') return 'a list';
  if (node.kind === 'map') return 'a mapping';
  const v = node.value;
  if (v === null || v === undefined) return 'nothing';
  if (typeof v === 'string') return `the text "${v.length > 40 ? v.slice(0, 37) + '...' : v}"`;
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return `the value ${v}`;
  return `a ${typeof v}`;
}

/** The field's value, or an error message. */
function readField(type: FieldType, node: PNode): { value: unknown } | { error: string; offset: number } {
  const bad = (expected: string, at = node.offset) => ({ error: `must be ${expected} (found ${found(node)})`, offset: at });
  switch (type) {
    case 'id':
    case 'text':
    case 'url': {
      if (node.kind !== 'scalar' || typeof node.value !== 'string') return bad('a string');
      const s = node.value.trim();
      if (type !== 'text' && !s) return bad('a non-empty string');
      if (type === 'url' && !/^https?:\/\/\S+$/.test(s)) return bad('an http(s) URL');
      return { value: s };
    }
    case 'strings': {
      if (node.kind !== 'seq') return bad('a list of strings');
      const out: string[] = [];
      for (const item of node.items) {
        if (item.kind !== 'scalar' || typeof item.value !== 'string' || !item.value.trim()) {
          return { error: `must be a list of non-empty strings (found ${found(item)} in the list)`, offset: item.offset };
        }
        out.push(item.value.trim());
      }
      return { value: out };
    }
    case 'date': {
      if (node.kind === 'scalar' && typeof node.value === 'number' && Number.isInteger(node.value) && node.value >= 1000 && node.value <= 9999) {
        return { value: String(node.value) };
      }
      if (node.kind !== 'scalar' || typeof node.value !== 'string' || !ISO_DATE.test(node.value.trim())) {
        return bad('an ISO date "YYYY", "YYYY-MM" or "YYYY-MM-DD"');
      }
      return { value: node.value.trim() };
    }
    case 'count': {
      if (node.kind !== 'scalar' || typeof node.value !== 'number' || !Number.isInteger(node.value) || node.value < 0) {
        return bad('a whole number of 0 or more');
      }
      return { value: node.value };
    }
    case 'status': {
      if (node.kind !== 'scalar' || typeof node.value !== 'string' || !STATUSES.includes(node.value as KbStatus)) {
        return bad(`one of ${STATUSES.map((s) => `"${s}"`).join(', ')}`);
      }
      return { value: node.value };
    }
  }
}

function validateGlossary(root: PNode | undefined, positionOf: (offset: number) => { line: number; column: number }): GlossaryResult {
  const errors: GlossaryError[] = [];
  const entries: Partial<KbEntry>[] = [];
  const report = (message: string, offset: number) => errors.push({ message, ...positionOf(offset) });
  if (!root) return { entries, errors };

  let list: PNode | undefined;
  if (root.kind === 'seq') list = root;
  else if (root.kind === 'map') {
    for (const p of root.pairs) {
      if (p.key === 'entries') list = p.value;
      else if (p.key !== 'version' && p.key !== '$schema') report(`Unknown top-level field "${p.key}" (expected "entries")`, p.keyOffset);
    }
    if (!list) {
      report('Missing "entries": a glossary is a list of entries, or a mapping with an "entries" list', root.offset);
      return { entries, errors };
    }
  } else if (root.kind === 'scalar' && (root.value === null || root.value === undefined)) {
    return { entries, errors };
  } else {
    report(`A glossary must be a list of entries, or a mapping with an "entries" list (found ${found(root)})`, root.offset);
    return { entries, errors };
  }
  if (list.kind === 'scalar' && (list.value === null || list.value === undefined)) return { entries, errors };
  if (list.kind !== 'seq') {
    report(`"entries" must be a list (found ${found(list)})`, list.offset);
    return { entries, errors };
  }

  const seen = new Map<string, { n: number; line: number }>();
  list.items.forEach((node, index) => {
    const n = index + 1;
    const label = `Entry ${n}`;
    if (node.kind !== 'map') {
      report(`${label} must be a mapping of fields such as "acronym" and "name" (found ${found(node)})`, node.offset);
      return;
    }
    const entry: Record<string, unknown> = {};
    let ok = true;
    const keys = new Set<string>();
    for (const p of node.pairs) {
      const type = FIELDS[p.key];
      if (keys.has(p.key)) {
        report(`${label}: field "${p.key}" is given twice`, p.keyOffset);
        ok = false;
        continue;
      }
      keys.add(p.key);
      if (!type) {
        report(`${label}: unknown field "${p.key}" (known fields: ${Object.keys(FIELDS).join(', ')})`, p.keyOffset);
        ok = false;
        continue;
      }
      const r = readField(type, p.value);
      if ('error' in r) {
        report(`${label}: "${p.key}" ${r.error}`, r.offset);
        ok = false;
      } else {
        entry[p.key] = r.value;
      }
    }
    if (!ok) return;
    if (entry.id === undefined && entry.acronym === undefined && entry.name === undefined) {
      report(`${label} needs at least one of "acronym", "name" or "id"`, node.offset);
      return;
    }
    const here = positionOf(node.offset).line;
    for (const key of ['id', 'acronym'] as const) {
      const v = entry[key];
      if (typeof v !== 'string') continue;
      const prev = seen.get(`${key}:${v}`);
      if (prev) {
        report(`${label}: ${key} "${v}" is already used by entry ${prev.n} (line ${prev.line})`, node.offset);
        return;
      }
    }
    for (const key of ['id', 'acronym'] as const) {
      const v = entry[key];
      if (typeof v === 'string') seen.set(`${key}:${v}`, { n, line: here });
    }
    entries.push(entry as Partial<KbEntry>);
  });
  return { entries, errors };
}

/**
 * Parses a user glossary: YAML (`.yaml`, `.yml`) or JSON (`.json`; other names are sniffed), shaped
 * `{ entries: [...] }` or as a bare list of entries, each a partial KbEntry. Syntax errors reject the
 * whole file; an entry with a wrong field is skipped, the others are kept. Every error has a 1-based
 * line and column: of the syntax error, of the offending value or field name, or of the entry.
 */
export function loadGlossary(path: string, text: string): GlossaryResult {
  const positionOf = positionsIn(text);
  const lower = path.toLowerCase();
  const json = lower.endsWith('.json') || (!/\.ya?ml$/.test(lower) && /^\uFEFF?\s*[[{]/.test(text));
  if (json) {
    try {
      return validateGlossary(parseJsonWithPositions(text), positionOf);
    } catch (e) {
      if (!(e instanceof SyntaxProblem)) throw e;
      return { entries: [], errors: [{ message: `Invalid JSON: ${e.message}`, ...positionOf(e.offset) }] };
    }
  }
  const deep = yamlDepthProblem(text);
  if (deep) return { entries: [], errors: [{ message: `Invalid YAML: ${deep.message}`, ...positionOf(deep.offset) }] };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) return { entries: [], errors: doc.errors.map((err) => ({ message: `Invalid YAML: ${err.message}`, ...positionOf(err.pos[0]) })) };
  let root: PNode | undefined;
  try {
    // every node of the file, and as many again through aliases
    root = doc.contents === null ? undefined : fromYaml(doc.contents, doc, 0, { nodes: 2 * text.length + 1000 });
  } catch (e) {
    if (!(e instanceof SyntaxProblem)) throw e;
    return { entries: [], errors: [{ message: `Invalid YAML: ${e.message}`, ...positionOf(e.offset) }] };
  }
  return validateGlossary(root, positionOf);
}
