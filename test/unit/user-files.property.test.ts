// Property tests of the readers of the user's own files (fast-check): config files (YAML and JSON), glossaries
// (YAML and JSON), bibliographies (BibTeX, CSL-JSON, CSL-YAML) and the inline `references:` of a paper's front
// matter. Each starts from a valid file written here and is damaged at random: characters deleted or doubled, lines
// swapped, and pieces of YAML, JSON and BibTeX syntax, control characters, lone surrogates, deep brackets, aliases
// and very long lines inserted. For every damaged file:
//   - reading it throws nothing, and finishes (a hang fails the test by its time limit);
//   - every problem points at a real place of its file: a line of the file and a column within that line, lines
//     counted as an editor counts them (\n, \r\n or a lone \r);
//   - every message is a sentence in words: no "undefined", "[object Object]", "NaN" or a JavaScript engine's
//     internal error ("Cannot read properties", "Maximum call stack", "is not a function");
//   - the same file gives the same problems twice;
//   - the defaults carry on: the paper is still checked, its findings lie inside it, and a planted acronym problem
//     is still found (unless the damaged config turned its rule off).
// Crafted cases below cover what random damage rarely makes: thousands of nested brackets and exponential aliases.
// The seed is random unless FC_SEED is set; a failure prints it, so `FC_SEED=<seed> npx vitest run
// test/unit/user-files.property.test.ts` reproduces it. FC_RUNS overrides the run count.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/core/analyze';
import { parseBibtex, parseCslJson, parseCslYaml } from '../../server/src/core/citations/bibliography';
import { resolveConfig } from '../../server/src/core/config';
import { loadWorkspaceSetup } from '../../server/src/core/workspace';
import { loadGlossary } from '../../server/src/kb/index';
import { rules } from '../../server/src/rules/registry';

const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) & 0x7fffffff;
const RUNS = process.env.FC_RUNS ? Number(process.env.FC_RUNS) : 150;

// ---- valid files, written for this test ------------------------------------------------------------------------

const CONFIG_YAML = [
  '# settings of the coastal-shipping desk',
  'rules:',
  '  acronym/undefined: warning',
  '  number/inconsistent-figure:',
  '    severity: error',
  '    options:',
  '      tolerance: 0.02',
  '      compareUndated: false',
  "  citation/uncited-claim: { severity: information, options: { kinds: ['statistic', 'superlative'] } }",
  '  acronym/misspelled:',
  '    options:',
  '      ignore: [NTSB, "QRZ"]',
  'glossary:',
  '  - terms/ports.yaml',
  'ignore:',
  '  - drafts/**',
  "  - 'archive/*.md'",
  '',
].join('\n');

const CONFIG_JSON = JSON.stringify(
  {
    rules: { 'acronym/undefined': 'warning', 'number/shares-exceed-total': { severity: 'error', options: { tolerance: 0.5 } }, 'citation/no-reference-list': { options: { minCitations: 3 } } },
    glossary: ['terms/ports.json'],
    ignore: ['drafts/**'],
  },
  null,
  2,
);

const GLOSSARY_YAML = [
  'entries:',
  '  - acronym: HPCC',
  '    name: Harbour Pilots Coordination Council',
  '    kind: regional body',
  '    established: 2014-05',
  '    members: &coast [Ardenne, Belmora, Corvall]',
  '    memberCount: 3',
  '    status: active',
  '    source: https://example.org/hpcc',
  '  - id: blue-corridor',
  '    name: Blue Corridor Compact',
  '    aliases: ["the Compact", BCC]',
  '    members: *coast',
  '    summary: >',
  '      A compact on shared berthing rules, signed by the three coastal states.',
  '',
].join('\n');

const GLOSSARY_JSON = JSON.stringify(
  { entries: [{ acronym: 'HPCC', name: 'Harbour Pilots Coordination Council', members: ['Ardenne', 'Belmora'], memberCount: 2, status: 'proposed' }, { id: 'tidal', name: 'Tidal Data Exchange', aliases: ['TDX'] }] },
  null,
  2,
);

const BIBTEX = [
  '% references of the berthing paper',
  '@string{harb = "Harbour Review"}',
  '@article{moreau2021,',
  '  author = {Moreau, Lise and {van der Berg}, Pieter},',
  '  title = {Queues at the {Quay}: Waiting Times in Three Ports},',
  '  journal = harb # " Quarterly",',
  '  year = 2021,',
  '  pages = "12--30"',
  '}',
  '@comment{ignored entry}',
  '@book{okafor2019, author = "Okafor, Chidi", title = "Pilots and Tides", year = {2019}, publisher = {Estuary Press}}',
  '',
].join('\n');

const CSL_JSON = JSON.stringify(
  [
    { id: 'moreau2021', type: 'article-journal', title: 'Queues at the Quay', author: [{ family: 'Moreau', given: 'Lise' }], issued: { 'date-parts': [[2021]] } },
    { id: 'okafor2019', type: 'book', title: 'Pilots and Tides', author: [{ literal: 'Chidi Okafor' }], issued: { 'date-parts': [[2019, 3]] } },
  ],
  null,
  2,
);

const CSL_YAML = [
  'references:',
  '  - id: moreau2021',
  '    type: article-journal',
  '    title: "Queues at the Quay: Waiting Times"',
  '    author:',
  '      - family: Moreau',
  '        given: Lise',
  '    issued:',
  "      date-parts: [[2021]]",
  '  - id: okafor2019',
  '    type: book',
  '    title: Pilots and Tides',
  '    author: [{ family: Okafor, given: Chidi }]',
  '    issued: { date-parts: [[2019, 3]] }',
  '',
].join('\n');

/** An inline `references:` list, damaged inside a paper's front matter. */
const FRONT_REFERENCES = ['references:', '  - id: moreau2021', '    title: Queues at the Quay', '    author: [{ family: Moreau }]', '    issued: { date-parts: [[2021]] }', ''].join('\n');

/** A paper citing both works, with an undefined acronym (ZQXT) the defaults report whatever the files hold. */
const paperWith = (frontMatter: string) =>
  [
    '---',
    frontMatter.replace(/\n$/, ''),
    '---',
    '',
    'Average waiting times fell by a third after the new rules [@moreau2021]. The ZQXT review came later [@okafor2019].',
    '',
  ].join('\n');

// ---- damage --------------------------------------------------------------------------------------------------

const PIECES = [
  '{', '}', '[', ']', '"', "'", ':', ': ', '- ', '? ', ',', '#', ' # note', '\t', '\n', '\r', '\r\n', '\n  ', '\n    - ',
  '&a ', '*a', '*nowhere', '<<: *a', '!!binary ', '!custom ', '|', '>-', '---\n', '...\n', '%YAML 1.2\n', '@', '@book{', '@string{x = ',
  '#', '=', '\\', '\\u00', '{\\"a}', '~', 'null', 'true', '1e999', '-0', '0x1F', '2021-13-45', '__proto__', 'constructor',
  '\u0000', '\uFEFF', '\uD800', '\uDC00', '\u2028', '😀', '名', 'é', '[[[[[[', ']]]]]]', '{{{{{{', '}}}}}}',
  '[{"a": [{"b": [', 'x'.repeat(3000), '- - - - - - ', '"unterminated', "'it''s'",
];

type Damage =
  | { op: 'insert'; at: number; piece: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'double'; at: number; length: number }
  | { op: 'swap-lines'; a: number; b: number };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), piece: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6, unit: 'binary' })) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('double' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ op: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
);

function apply(text: string, changes: readonly Damage[]): string {
  for (const d of changes) {
    if (d.op === 'swap-lines') {
      const lines = text.split('\n');
      const a = d.a % lines.length;
      const b = d.b % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      text = lines.join('\n');
      continue;
    }
    const at = d.at % (text.length + 1);
    if (d.op === 'insert') text = text.slice(0, at) + d.piece + text.slice(at);
    else if (d.op === 'delete') text = text.slice(0, at) + text.slice(at + d.length);
    else text = text.slice(0, at) + text.slice(at, at + d.length) + text.slice(at);
  }
  return text;
}

const damaged = (valid: string) => fc.array(damage, { minLength: 1, maxLength: 6 }).map((changes) => apply(valid, changes));

// ---- the invariants --------------------------------------------------------------------------------------------

/** The lines of a text as an editor counts them. */
const editorLines = (text: string) => text.split(/\r\n|\r|\n/);

const BAD_WORDS = /(?<![\w/-])undefined(?![\w/-])|\[object Object\]|\bNaN\b|Cannot read propert|Maximum call stack|is not a function|is not iterable|RangeError|TypeError/;

/** What is wrong with a problem's place and message, or undefined. */
function problemFault(p: { line: number; column: number; message: string }, text: string): string | undefined {
  const lines = editorLines(text);
  if (!Number.isInteger(p.line) || p.line < 1 || p.line > lines.length) return `line ${p.line} is not a line of the file (1–${lines.length})`;
  const length = lines[p.line - 1].length;
  if (!Number.isInteger(p.column) || p.column < 1 || p.column > length + 1) return `column ${p.column} is not within line ${p.line} (length ${length})`;
  return messageFault(p.message, text);
}

/** What is wrong with a message; words the file itself holds may be quoted from it ("Unknown rule …undefined"). */
function messageFault(message: string, file = ''): string | undefined {
  if (typeof message !== 'string' || !message.trim()) return 'empty message';
  for (const m of message.matchAll(new RegExp(BAD_WORDS.source, 'g'))) if (!file.includes(m[0])) return `message "${message}" is not in words`;
  return undefined;
}

/** A "(line N)" or "line N" a bibliography message names must be a line of the file. */
function namedLineFault(message: string, text: string): string | undefined {
  for (const m of message.matchAll(/\bline (\d+)\b/g)) {
    if (Number(m[1]) < 1 || Number(m[1]) > editorLines(text).length) return `message "${message}" names line ${m[1]}, not a line of the file`;
  }
  return undefined;
}

const ZQXT_FOUND = (findings: { ruleId: string; message: string }[]) => findings.some((f) => f.ruleId === 'acronym/undefined' && f.message.includes('ZQXT'));

/** Checks the paper with a setup: no exception, findings inside the paper, the planted problem still found. */
function paperStillChecked(setupConfig: Parameters<typeof resolveConfig>[1], kb: ReturnType<typeof loadWorkspaceSetup>['kb'] | undefined, readBibliography?: (path: string) => string | undefined, front = 'bibliography: refs.bib', quotable = ''): string[] {
  const paper = paperWith(front);
  const config = resolveConfig(rules, setupConfig);
  const result = analyze(paper, { config, kb, readBibliography });
  const faults: string[] = [];
  for (const f of result.findings) {
    if (!(f.range.start >= 0 && f.range.start <= f.range.end && f.range.end <= paper.length)) faults.push(`${f.ruleId} range ${JSON.stringify(f.range)} outside the paper`);
    const m = messageFault(f.message, `${quotable}\n${paper}`);
    if (m) faults.push(`${f.ruleId}: ${m}`);
  }
  if (config.rules.get('acronym/undefined')?.severity !== 'off' && !ZQXT_FOUND(result.findings)) faults.push('the planted undefined acronym is no longer found');
  return faults;
}

function assertProperty(arb: fc.Arbitrary<string>, check: (text: string) => string[]) {
  fc.assert(
    fc.property(arb, (text) => {
      const faults = check(text);
      if (faults.length) throw new Error(`${faults.join('\n')}\n--- file ---\n${JSON.stringify(text)}`);
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: true },
  );
}

// ---- the properties --------------------------------------------------------------------------------------------

describe(`damaged user files (seed ${SEED}, ${RUNS} runs each; FC_SEED=${SEED} reproduces)`, () => {
  const glossaryPath = (json: boolean) => `/ws/terms/ports.${json ? 'json' : 'yaml'}`;

  for (const json of [false, true]) {
    const name = json ? '.policylint.json' : '.policylint.yaml';
    it(`a damaged ${name}: problems at real places, in words, the same twice; the paper is still checked`, () => {
      const glossary = json ? GLOSSARY_JSON : GLOSSARY_YAML;
      assertProperty(damaged(json ? CONFIG_JSON : CONFIG_YAML), (config) => {
        const files: Record<string, string> = { [`/ws/${name}`]: config, [glossaryPath(json)]: glossary };
        const read = (file: string) => {
          if (!(file in files)) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
          return files[file];
        };
        const setup = loadWorkspaceSetup(`/ws/${name}`, read, rules);
        const faults: string[] = [];
        for (const p of setup.problems) {
          const text = files[p.file];
          if (text === undefined) faults.push(`problem in ${p.file}, which is not a file of the workspace`);
          else {
            const f = problemFault(p, text);
            if (f) faults.push(`${p.file}:${p.line}:${p.column} ${p.message}: ${f}`);
          }
        }
        const again = loadWorkspaceSetup(`/ws/${name}`, read, rules);
        if (JSON.stringify(again.problems) !== JSON.stringify(setup.problems)) faults.push('a second reading gives other problems');
        faults.push(...paperStillChecked(setup.config, setup.kb));
        return faults;
      });
    });

    it(`a damaged ${json ? 'JSON' : 'YAML'} glossary: problems at real places, in words, the same twice; the paper is still checked`, () => {
      assertProperty(damaged(json ? GLOSSARY_JSON : GLOSSARY_YAML), (glossary) => {
        const config = json ? JSON.stringify({ glossary: ['terms/ports.json'] }) : 'glossary: [terms/ports.yaml]\n';
        const files: Record<string, string> = { [`/ws/.policylint.${json ? 'json' : 'yaml'}`]: config, [glossaryPath(json)]: glossary };
        const read = (file: string) => files[file] ?? (() => { throw Object.assign(new Error('no such file'), { code: 'ENOENT' }); })();
        const setup = loadWorkspaceSetup(`/ws/.policylint.${json ? 'json' : 'yaml'}`, read, rules);
        const faults: string[] = [];
        for (const p of setup.problems) {
          const f = problemFault(p, files[p.file] ?? '');
          if (f) faults.push(`${p.file}:${p.line}:${p.column} ${p.message}: ${f}`);
        }
        const direct = loadGlossary(glossaryPath(json), glossary);
        if (JSON.stringify(loadGlossary(glossaryPath(json), glossary)) !== JSON.stringify(direct)) faults.push('a second reading gives another result');
        faults.push(...paperStillChecked(setup.config, setup.kb));
        return faults;
      });
    });
  }

  const bibliographies: [string, string, (text: string) => unknown][] = [
    ['refs.bib', BIBTEX, parseBibtex],
    ['refs.json', CSL_JSON, parseCslJson],
    ['refs.yaml', CSL_YAML, parseCslYaml],
  ];
  for (const [file, valid, parse] of bibliographies) {
    it(`a damaged ${file}: read or refused with a message in words naming real lines; the other checks carry on`, () => {
      assertProperty(damaged(valid), (text) => {
        const faults: string[] = [];
        let thrown: string | undefined;
        try {
          const records = parse(text) as { key: string }[];
          for (const r of records) if (typeof r.key !== 'string' || !r.key) faults.push(`a record without a key: ${JSON.stringify(r)}`);
        } catch (e) {
          if (!(e instanceof Error) || e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError) faults.push(`threw ${String(e)} (${(e as object)?.constructor?.name}), not a problem`);
          thrown = e instanceof Error ? e.message : String(e);
          const f = messageFault(thrown, text) ?? namedLineFault(thrown, text);
          if (f) faults.push(f);
        }
        faults.push(...paperStillChecked(undefined, undefined, (path) => (path === file ? text : undefined), `bibliography: ${file}`, text));
        const result = analyze(paperWith(`bibliography: ${file}`), { readBibliography: (path) => (path === file ? text : undefined) });
        const errors = result.findings.filter((f) => f.ruleId === 'citation/bibliography-error');
        if (thrown !== undefined && !errors.some((f) => f.message.includes(file))) faults.push(`the parse failed ("${thrown}") but no citation/bibliography-error names ${file}`);
        return faults;
      });
    });
  }

  it('a damaged inline `references:` list in the front matter: the paper is checked, findings inside it', () => {
    assertProperty(damaged(FRONT_REFERENCES), (front) => paperStillChecked(undefined, undefined, undefined, front));
  });
});

// ---- crafted cases -----------------------------------------------------------------------------------------------

/** Ten levels of aliases, each repeating the one before ten times: 10^10 values once expanded. */
const LAUGHS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((l, i, all) => `l${l}: &${l} [${Array(10).fill(i === 0 ? '"ha"' : `*${all[i - 1]}`).join(', ')}]`).join('\n');

describe('files built to exhaust the reader', () => {
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

  it('a glossary whose aliases expand exponentially is refused at the first alias that repeats too much', () => {
    const r = loadGlossary('g.yaml', `${LAUGHS}\nentries: [{ acronym: ZZQ, name: *j }]\n`);
    expect(r.entries).toEqual([]);
    expect(r.errors).toEqual([{ message: 'Invalid YAML: aliases ("*name") repeat too much of the file; write the entries out instead', line: 4, column: 9 }]);
  });

  it('a glossary that uses an alias for a shared member list is read', () => {
    const r = loadGlossary('g.yaml', GLOSSARY_YAML);
    expect(r.errors).toEqual([]);
    expect(r.entries.map((e) => e.members)).toEqual([
      ['Ardenne', 'Belmora', 'Corvall'],
      ['Ardenne', 'Belmora', 'Corvall'],
    ]);
  });

  it('a config, a CSL-YAML file and a front matter with exponential aliases: refused or ignored, quickly', () => {
    const config = loadWorkspaceSetup('/ws/.policylint.yaml', () => `${LAUGHS}\nignore: *j\n`, rules);
    const unknownKeys = 'abcdefghij'.split('').map((l, i) => [i + 1, `Unknown key "l${l}" (expected "rules", "glossary" or "ignore").`]);
    expect(config.problems.map((p) => [p.line, p.message])).toEqual([...unknownKeys, [11, '"ignore" must be a list of file paths or globs.']]);
    expect(() => parseCslYaml(`${LAUGHS}\nreferences: *j\n`)).toThrow(/^not valid YAML: .*alias/i);
    expect(paperStillChecked(undefined, undefined, undefined, `${LAUGHS}\nreferences: *j`)).toEqual([]);
  });

  for (const n of [100, 5000, 50000]) {
    it(`${n} nested brackets: a problem at the bracket past the limit in every YAML reader, no crash`, () => {
      // 64 levels are allowed, the top-level mapping one of them: the 64th bracket is refused (at column 71 after
      // "rules: ", 7 characters; at 73 after "entries: ")
      const config = loadWorkspaceSetup('/ws/.policylint.yaml', () => `rules: ${deep(n)}\n`, rules);
      expect(config.problems).toEqual([{ file: '/ws/.policylint.yaml', line: 1, column: 71, message: 'Invalid YAML: the text is nested more than 64 levels deep.' }]);
      expect(loadGlossary('g.yaml', `entries: ${deep(n)}\n`).errors).toEqual([{ message: 'Invalid YAML: the text is nested more than 64 levels deep', line: 1, column: 73 }]);
      expect(() => parseCslYaml(`- ${deep(n)}\n`)).toThrow('not valid YAML: the text is nested more than 64 levels deep (line 1)');
      expect(paperStillChecked(undefined, undefined, undefined, `references: ${deep(n)}`)).toEqual([]);
      // block nesting, one "- " per level
      expect(loadGlossary('g.yaml', `${'- '.repeat(n)}x\n`).errors.map((e) => e.message)).toEqual(['Invalid YAML: the text is nested more than 64 levels deep']);
    });
  }

  it('nesting within the limit is read as usual (the mapping and 63 levels of brackets; 40 levels of indentation)', () => {
    expect(loadGlossary('g.yaml', `entries: ${deep(63)}\n`).errors).toEqual([{ message: 'Entry 1 must be a mapping of fields such as "acronym" and "name" (found a list)', line: 1, column: 11 }]);
    const indented = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' x\n';
    expect(loadGlossary('g.yaml', indented).errors.map((e) => e.message)).toEqual(['Unknown top-level field "k0" (expected "entries")', 'Missing "entries": a glossary is a list of entries, or a mapping with an "entries" list']);
  });
});
