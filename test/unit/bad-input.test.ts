// Bad config, glossary and bibliography files: every one gets a clear problem naming its file and line, the
// defaults carry on (exact findings on a small paper), oversized files are refused before they are read, and an
// untrusted workspace never reads outside its folders (symbolic links included). Fixtures are written here.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyze, type AnalysisResult } from '../../server/src/core/analyze';
import { resolveConfig } from '../../server/src/core/config';
import { decodeUserFile, loadWorkspaceSetup, MAX_USER_FILE_BYTES, ReadRefused, type WorkspaceSetup } from '../../server/src/core/workspace';
import { rules } from '../../server/src/rules/registry';
import { parseBibtex, parseCslJson } from '../../server/src/core/citations/bibliography';
import {
  FileAccess,
  isReadAllowed,
  OUTSIDE_WORKSPACE,
  readUserFile,
  realPathOf,
  trustedFromInitializationOptions,
  WORKSPACE_TRUST_NOTIFICATION,
  WorkspaceFiles,
} from '../../server/src/server/workspaceFiles';
import { trustInitializationOptions, WORKSPACE_TRUST_NOTIFICATION as CLIENT_TRUST_NOTIFICATION } from '../../client/src/trust';
import { run } from '../../server/src/cli/main';

// ---- fixtures -------------------------------------------------------------------------------------------------

/** RCEP defined on line 5, misspelled RECP and undefined ZQRT on line 6, two Pandoc keys (one unknown). */
const PAPER = [
  '---',
  'bibliography: refs.bib',
  '---',
  '',
  'The Regional Comprehensive Economic Partnership (RCEP) entered into force in 2022 [@tanaka2021].',
  'The RECP covers goods and services [@tanaka2021]. The ZQRT report was late [@ghost2020].',
  '',
].join('\n');

const BIB = ['@book{tanaka2021,', '  author = {Tanaka, Kenji},', '  title = {Ports and Data},', '  year = 2021,', '  publisher = {Example Press}', '}', ''].join('\n');
const GLOSSARY = ['entries:', '  - acronym: ZQRT', '    name: Zonal Quota Review Taskforce', '    kind: working group', ''].join('\n');

const MISSPELLED = 'acronym/misspelled warning RECP';
const UNDEFINED = 'acronym/undefined hint ZQRT';
const UNKNOWN_KEY = 'citation/unknown-key error @ghost2020';
/** The paper's findings under the defaults, with its bibliography read. */
const DEFAULTS = [MISSPELLED, UNDEFINED, UNKNOWN_KEY];
/** … when the bibliography cannot be used: key checks are skipped. */
const bibError = (message: string) => [`citation/bibliography-error error refs.bib | ${message}`, MISSPELLED, UNDEFINED];

const show = (r: AnalysisResult) =>
  r.findings.map((f) => `${f.ruleId} ${f.severity} ${r.text.slice(f.range.start, f.range.end)}${f.ruleId === 'citation/bibliography-error' ? ` | ${f.message}` : ''}`);

let tmp: string;
beforeAll(() => {
  tmp = fs.realpathSync(fs.mkdtempSync(join(tmpdir(), 'pl-bad-')));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

let counter = 0;
/** A fresh folder `<tmp>/case-N` holding `ws/` (the workspace folder, with the given files) and `outside/`. */
function project(files: Record<string, string | Buffer>, outside: Record<string, string | Buffer> = {}): { ws: string; out: string } {
  const base = join(tmp, `case-${++counter}`);
  const ws = join(base, 'ws');
  const out = join(base, 'outside');
  for (const [root, set] of [[ws, files], [out, outside]] as const) {
    fs.mkdirSync(root, { recursive: true });
    for (const [name, text] of Object.entries(set)) {
      fs.mkdirSync(join(root, name, '..'), { recursive: true });
      fs.writeFileSync(join(root, name), text);
    }
  }
  return { ws, out };
}

/** The setup the server builds: config and glossaries through the trust policy's reader. */
function serverSetup(ws: string, config: string, trusted = true): WorkspaceSetup {
  const access = new FileAccess(() => [ws], trusted);
  return loadWorkspaceSetup(join(ws, config), access.readText, rules);
}

/** The paper analysed with a setup and the server's bibliography reader for a paper in `ws`. */
function check(setup: WorkspaceSetup, ws: string, trusted = true, paper = PAPER): string[] {
  const access = new FileAccess(() => [ws], trusted);
  return show(analyze(paper, { config: resolveConfig(rules, setup.config), kb: setup.kb, readBibliography: access.bibliographyReader(ws) }));
}

const problems = (setup: WorkspaceSetup, ws: string) => setup.problems.map((p) => [p.file.replace(ws, '<ws>'), p.line, p.column, p.message]);

// ---- config files ---------------------------------------------------------------------------------------------

describe('a broken config file: one problem at its line, and the defaults carry on', () => {
  const KNOWN = rules.map((r) => r.meta.id).join(', ');
  const cases: { name: string; file: string; text: string; problems: [number, number, string][]; findings?: string[] }[] = [
    // syntax: the whole file is rejected, the defaults apply
    { name: 'YAML: an unclosed "["', file: '.policylint.yaml', text: 'rules:\n  acronym/undefined: [warning\n', problems: [[2, 22, 'Invalid YAML: the "[" is never closed.']] },
    { name: 'YAML: an unclosed "{"', file: '.policylint.yml', text: "rules:\n  # it's fine\n  acronym/misspelled: {severity: error\n", problems: [[3, 23, 'Invalid YAML: the "{" is never closed.']] },
    { name: 'YAML: an unclosed quote', file: '.policylint.yaml', text: 'rules:\n  acronym/misspelled: "error\n', problems: [[2, 23, 'Invalid YAML: the string opened with " is never closed.']] },
    { name: 'YAML: bad indentation', file: '.policylint.yaml', text: 'rules:\n  acronym/misspelled: error\n bad: : x\n', problems: [[3, 1, 'Invalid YAML: All mapping items must start at the same column.']] },
    { name: 'YAML: a tab as indentation', file: '.policylint.yaml', text: 'rules:\n\tacronym/misspelled: error\n', problems: [[2, 1, 'Invalid YAML: Tabs are not allowed as indentation.']] },
    { name: 'YAML: a rule given twice', file: '.policylint.yaml', text: 'rules:\n  acronym/misspelled: error\n  acronym/misspelled: hint\n', problems: [[3, 3, 'Invalid YAML: the key "acronym/misspelled" is given twice.']] },
    { name: 'JSON: a trailing comma', file: '.policylint.json', text: '{\n  "rules": {\n    "acronym/misspelled": "error",\n  }\n}\n', problems: [[4, 3, 'Invalid JSON: Unexpected "}"; expected a double-quoted property name (trailing commas are not allowed).']] },
    { name: 'JSON: a comment', file: '.policylint.json', text: '{\n  // strict\n  "rules": {}\n}\n', problems: [[2, 3, 'Invalid JSON: Unexpected "/"; expected a double-quoted property name or "}".']] },
    { name: 'JSON: an unquoted value', file: '.policylint.json', text: '{\n  "rules": {\n    "acronym/misspelled": error\n  }\n}\n', problems: [[3, 27, 'Invalid JSON: Unexpected "e"; expected a value.']] },
    { name: 'JSON: an unclosed "{"', file: '.policylint.json', text: '{\n  "rules": {\n    "acronym/misspelled": "error"\n\n', problems: [[2, 12, 'Invalid JSON: the "{" is never closed.']] },
    { name: 'JSON: a key given twice', file: '.policylint.json', text: '{"rules": {"acronym/misspelled": "error", "acronym/misspelled": "hint"}}', problems: [[1, 43, 'Invalid JSON: the key "acronym/misspelled" is given twice.']] },
    { name: 'JSON: an empty file', file: '.policylint.json', text: '', problems: [[1, 1, 'Invalid JSON: the file is empty.']] },
    { name: 'JSON: a byte-order mark is fine', file: '.policylint.json', text: '\uFEFF{"rules": {"acronym/misspelled": "error"}}', problems: [], findings: ['acronym/misspelled error RECP', UNDEFINED, UNKNOWN_KEY] },
    { name: 'YAML: an empty file is no problem', file: '.policylint.yaml', text: '', problems: [] },
    { name: 'YAML: a list instead of a mapping', file: '.policylint.yaml', text: '- acronym/misspelled\n', problems: [[1, 1, 'The configuration must be a mapping with keys such as "rules", "glossary" and "ignore".']] },
    // wrong types: the valid part is kept (misspelled becomes an error), the rest keeps its defaults
    {
      name: 'a severity that is not a severity',
      file: '.policylint.yaml',
      text: 'rules:\n  acronym/misspelled: error\n  acronym/undefined: loud\n  citation/unknown-key:\n    severity: 3\n',
      problems: [
        [3, 22, '"acronym/undefined" must be a severity (error, warning, information, hint, off) or { severity, options }.'],
        [5, 15, 'Severity of "citation/unknown-key" must be one of error, warning, information, hint, off.'],
      ],
      findings: ['acronym/misspelled error RECP', UNDEFINED, UNKNOWN_KEY],
    },
    {
      name: 'a rule id that does not exist',
      file: '.policylint.json',
      text: '{\n  "rules": {\n    "acronym/misspelled": "error",\n    "acronym/mispelled": "off"\n  }\n}\n',
      problems: [[4, 5, `Unknown rule "acronym/mispelled". Known rules: ${KNOWN}.`]],
      findings: ['acronym/misspelled error RECP', UNDEFINED, UNKNOWN_KEY],
    },
    {
      name: 'an option of the wrong type, and an option that does not exist',
      file: '.policylint.yaml',
      text: 'rules:\n  acronym/misspelled: error\n  acronym/undefined:\n    options:\n      ignore: ZQRT\n      allowCommon: "yes"\n      colour: red\n',
      problems: [
        [5, 15, 'Option "ignore" of "acronym/undefined" must be a string[].'],
        [6, 20, 'Option "allowCommon" of "acronym/undefined" must be a boolean.'],
        [7, 7, 'Rule "acronym/undefined" has no option "colour" (options: ignore, allowCommon).'],
      ],
      findings: ['acronym/misspelled error RECP', UNDEFINED, UNKNOWN_KEY],
    },
    {
      name: '"rules" as a list, "glossary" as a number, an unknown key',
      file: '.policylint.yaml',
      text: 'rules:\n  - acronym/misspelled\nglossary: 5\ncolour: red\n',
      problems: [
        [1, 1, '"rules" must be a mapping from rule id to a severity or { severity, options }.'],
        [3, 11, '"glossary" must be a list of file paths or globs.'],
        [4, 1, 'Unknown key "colour" (expected "rules", "glossary" or "ignore").'],
      ],
    },
    {
      name: 'a YAML alias is followed (a severity through an anchor)',
      file: '.policylint.yaml',
      text: 'rules:\n  acronym/misspelled: &sev error\n  acronym/undefined: *sev\n',
      problems: [],
      findings: ['acronym/misspelled error RECP', 'acronym/undefined error ZQRT', UNKNOWN_KEY],
    },
  ];

  it.each(cases)('$name', ({ file, text, problems: expected, findings }) => {
    const { ws } = project({ [file]: text, 'refs.bib': BIB });
    const setup = serverSetup(ws, file);
    expect(problems(setup, ws)).toEqual(expected.map(([line, column, message]) => [`<ws>/${file}`, line, column, message]));
    expect(check(setup, ws)).toEqual(findings ?? DEFAULTS);
  });

  it('a config file that is not UTF-8 names the line of the first bad byte', () => {
    const { ws } = project({ '.policylint.yaml': Buffer.from('# Politique générale\nrules:\n  # r\xe9sum\xe9\n  acronym/misspelled: error\n', 'latin1'), 'refs.bib': BIB });
    const setup = serverSetup(ws, '.policylint.yaml');
    expect(problems(setup, ws)).toEqual([['<ws>/.policylint.yaml', 1, 1, 'Cannot read the configuration: the file is not UTF-8 text (byte 0xE9 on line 1); save it as UTF-8.']]);
    expect(check(setup, ws)).toEqual(DEFAULTS);
  });

  it.skipIf(process.platform === 'win32')('a glossary that is a named pipe is refused without being opened (opening would block)', () => {
    const { ws } = project({ '.policylint.yaml': 'glossary:\n  - terms.yaml\n', 'refs.bib': BIB });
    execFileSync('mkfifo', [join(ws, 'terms.yaml')]);
    const setup = serverSetup(ws, '.policylint.yaml');
    expect(problems(setup, ws)).toEqual([['<ws>/.policylint.yaml', 2, 5, 'Cannot read glossary "terms.yaml": it is not a regular file.']]);
    expect(check(setup, ws)).toEqual(DEFAULTS);
  });

  it('a config path that is a folder', () => {
    const { ws } = project({ '.policylint.yaml/keep': '', 'refs.bib': BIB });
    const setup = serverSetup(ws, '.policylint.yaml');
    expect(problems(setup, ws)).toEqual([['<ws>/.policylint.yaml', 1, 1, 'Cannot read the configuration: it is a folder.']]);
    expect(check(setup, ws)).toEqual(DEFAULTS);
  });
});

// ---- glossaries -----------------------------------------------------------------------------------------------

describe('a broken glossary: a problem at its line (in the glossary, or on the config line naming it)', () => {
  const cases: { name: string; files: Record<string, string | Buffer>; problems: [string, number, number, string][]; findings?: string[] }[] = [
    { name: 'a good glossary defines ZQRT', files: { 'terms.yaml': GLOSSARY }, problems: [], findings: [MISSPELLED, UNKNOWN_KEY] },
    { name: 'missing', files: {}, problems: [['.policylint.yaml', 2, 5, 'Cannot read glossary "terms.yaml": no such file.']] },
    { name: 'a folder', files: { 'terms.yaml/keep': '' }, problems: [['.policylint.yaml', 2, 5, 'Cannot read glossary "terms.yaml": it is a folder.']] },
    { name: 'malformed YAML', files: { 'terms.yaml': 'entries:\n  - acronym: ZQRT\n    name: [Zonal\n' }, problems: [['terms.yaml', 4, 1, 'Invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ].']] },
    { name: 'an entry missing its fields', files: { 'terms.yaml': 'entries:\n  - kind: working group\n  - acronym: ZQRT\n    name: Zonal Quota Review Taskforce\n' }, problems: [['terms.yaml', 2, 5, 'Entry 1 needs at least one of "acronym", "name" or "id".']], findings: [MISSPELLED, UNKNOWN_KEY] },
    { name: 'a field of the wrong type', files: { 'terms.yaml': 'entries:\n  - acronym: ZQRT\n    name: 5\n' }, problems: [['terms.yaml', 3, 11, 'Entry 1: "name" must be a string (found the number 5).']] },
    { name: 'an empty file is an empty glossary', files: { 'terms.yaml': '' }, problems: [] },
    { name: 'not UTF-8', files: { 'terms.yaml': Buffer.from('entries:\n  - acronym: ZQRT\n    name: Comit\xe9 Zonal\n', 'latin1') }, problems: [['.policylint.yaml', 2, 5, 'Cannot read glossary "terms.yaml": the file is not UTF-8 text (byte 0xE9 on line 3); save it as UTF-8.']] },
  ];

  it.each(cases)('$name', ({ files, problems: expected, findings }) => {
    const { ws } = project({ '.policylint.yaml': 'glossary:\n  - terms.yaml\n', 'refs.bib': BIB, ...files });
    const setup = serverSetup(ws, '.policylint.yaml');
    expect(problems(setup, ws)).toEqual(expected.map(([file, line, column, message]) => [`<ws>/${file}`, line, column, message]));
    expect(check(setup, ws)).toEqual(findings ?? DEFAULTS);
  });

  it('a malformed JSON glossary', () => {
    const { ws } = project({ '.policylint.json': '{"glossary": ["terms.json"]}', 'terms.json': '{"entries": [\n  {"acronym": "ZQRT", "name": "Zonal"}\n', 'refs.bib': BIB });
    const setup = serverSetup(ws, '.policylint.json');
    expect(problems(setup, ws)).toEqual([['<ws>/terms.json', 3, 1, 'Invalid JSON: Unexpected end of JSON input; expected "," or "]" after an array element.']]);
    expect(check(setup, ws)).toEqual(DEFAULTS);
  });
});

// ---- bibliographies -------------------------------------------------------------------------------------------

describe('a broken bibliography: citation/bibliography-error names the file and the line, the other checks carry on', () => {
  const cannotParse = (why: string) => bibError(`The bibliography “refs.bib” cannot be parsed: ${why}; citation keys are not checked.`);
  const cases: { name: string; bib: string | Buffer; findings: string[] }[] = [
    { name: 'a good BibTeX file', bib: BIB, findings: DEFAULTS },
    { name: 'unbalanced braces', bib: '@book{tanaka2021,\n  title = {Ports {and} Data,\n  year = 2021\n}\n', findings: cannotParse('the entry "tanaka2021" is not closed: the "{" of its field "title" is never closed (line 2)') },
    { name: 'a truncated entry', bib: BIB + '\n@article{lee2020,\n  title = {Trade},\n  year = 20', findings: cannotParse('the entry "lee2020" is not closed (line 8)') },
    { name: 'a field without "="', bib: '@book{tanaka2021,\n  title {Ports}\n}\n', findings: cannotParse('the field "title" of "tanaka2021" has no "=" (line 2)') },
    // a repeated key is ignored, as BibTeX does: the first entry is used and the file stays usable
    { name: 'duplicate keys', bib: BIB + '\n@misc{tanaka2021,\n  title = {Again}\n}\n', findings: DEFAULTS },
    { name: 'an empty file', bib: '\n  \n', findings: cannotParse('the file is empty') },
    {
      name: 'bytes that are not UTF-8 (a Latin-1 file)',
      bib: Buffer.from('@book{tanaka2021,\n  author = {Tanaka, Kenji},\n  title = {Ports et donn\xe9es}\n}\n', 'latin1'),
      findings: bibError('Cannot read the bibliography “refs.bib”: the file is not UTF-8 text (byte 0xE9 on line 3); save it as UTF-8; citation keys are not checked.'),
    },
  ];
  it.each(cases)('$name', ({ bib, findings }) => {
    const { ws } = project({ 'refs.bib': bib });
    expect(check(loadWorkspaceSetup(undefined, () => '', rules), ws)).toEqual(findings);
  });

  it('a repeated key or CSL id: the first entry is used', () => {
    const bib = parseBibtex('@book{tanaka2021,\n  title = {First}\n}\n@misc{tanaka2021,\n  title = {Again}\n}\n@misc{lee2020,\n  title = {Other}\n}\n');
    expect(bib.map((r) => [r.key, r.title, r.line])).toEqual([['tanaka2021', 'First', 1], ['lee2020', 'Other', 7]]);
    const csl = parseCslJson('[\n  {"id": "tanaka2021", "title": "First"},\n  {"id": "tanaka2021", "title": "Again"}\n]\n');
    expect(csl.map((r) => [r.key, r.title])).toEqual([['tanaka2021', 'First']]);
  });

  const csl = (name: string, json: string, why: string) => ({ name, json, why });
  it.each([
    csl('CSL-JSON that is not an array', '{\n  "id": "tanaka2021"\n}\n', 'a CSL-JSON bibliography must be an array of items (found an object without an "items" list)'),
    csl('CSL-JSON items without an id', '[\n  {"id": "tanaka2021", "title": "Ports"},\n  {"title": "No id"}\n]\n', 'item 2 has no "id" (line 3)'),
    csl('CSL-JSON an item that is not an object', '[\n  {"id": "tanaka2021"},\n  "tanaka2022"\n]\n', 'item 2 is not an object (line 3)'),
    csl('CSL-JSON a syntax error', '[\n  {"id": "tanaka2021",}\n]\n', 'not valid JSON: Unexpected "}"; expected a double-quoted property name (trailing commas are not allowed) (line 2)'),
    csl('CSL-JSON an unclosed array', '[\n  {"id": "tanaka2021"}\n', 'not valid JSON: the "[" is never closed (line 1)'),
    csl('CSL-YAML items without an id', 'references:\n  - id: tanaka2021\n  - title: No id\n', 'item 2 has no "id" (line 3)'),
    csl('CSL-YAML an unclosed "["', '- id: tanaka2021\n  author: [{family: Tanaka}\n', 'not valid YAML: the "[" is never closed (line 2)'),
  ])('$name', ({ name, json, why }) => {
    const file = name.startsWith('CSL-YAML') ? 'refs.yaml' : 'refs.json';
    const { ws } = project({ [file]: json });
    expect(check(loadWorkspaceSetup(undefined, () => '', rules), ws, true, PAPER.replace('refs.bib', file))).toEqual([
      `citation/bibliography-error error ${file} | The bibliography “${file}” cannot be parsed: ${why}; citation keys are not checked.`,
      MISSPELLED,
      UNDEFINED,
    ]);
  });

  it('an inline `references:` item without an id is reported, not thrown', () => {
    const paper = PAPER.replace('bibliography: refs.bib', 'references:\n  - id: tanaka2021\n  - title: No id');
    const r = analyze(paper);
    expect(show(r)).toEqual([
      'citation/bibliography-error error references | The bibliography “references” cannot be parsed: item 2 has no "id" (line 4); citation keys are not checked.',
      MISSPELLED,
      UNDEFINED,
    ]);
    // on the `references:` key, line 2 of the paper (0-based 1)
    expect(r.paper.lines.positionAt(r.findings[0].range.start).line).toBe(1);
  });

  it('a path that is not a bibliography format is not read at all', () => {
    const read = vi.fn(() => 'root:x:0:0');
    const r = analyze(PAPER.replace('refs.bib', '../../etc/passwd'), { readBibliography: read });
    expect(read).not.toHaveBeenCalled();
    expect(show(r)[0]).toBe(
      'citation/bibliography-error error ../../etc/passwd | The bibliography “../../etc/passwd” is in a format Policy Lint does not read (only BibTeX (.bib), CSL-JSON (.json) and CSL-YAML (.yaml) bibliographies can be read); citation keys are not checked.',
    );
  });
});

// ---- 50 MB files ----------------------------------------------------------------------------------------------

describe('50 MB files are refused before they are read', () => {
  const BIG = 50 * 1024 * 1024;
  let big: { ws: string; out: string };
  beforeAll(() => {
    // valid content all the way (comments), so that only the size can be the reason for refusing it
    const yamlPadding = Buffer.alloc(BIG, '# padding\n');
    const bibPadding = Buffer.alloc(BIG, '% padding\n');
    big = project({ '.policylint.yaml': Buffer.concat([Buffer.from('rules:\n  acronym/misspelled: error\n'), yamlPadding]), 'small.yaml': 'glossary:\n  - huge.yaml\n', 'huge.yaml': Buffer.concat([Buffer.from(GLOSSARY), yamlPadding]), 'refs.bib': Buffer.concat([Buffer.from(BIB), bibPadding]) });
  });

  it('the limit is a named constant of 10 MB', () => {
    expect(MAX_USER_FILE_BYTES).toBe(10 * 1024 * 1024);
  });

  it('a 50 MB config, glossary and bibliography: problems on their lines, defaults, and no buffer over the limit', () => {
    // spy on the CommonJS module and sync the ESM bindings (node:module), so that every importer sees the spies
    const cjsFs = createRequire(__filename)('node:fs') as typeof fs;
    const alloc = vi.spyOn(Buffer, 'alloc');
    const readFileSync = vi.spyOn(cjsFs, 'readFileSync');
    const readSync = vi.spyOn(cjsFs, 'readSync');
    syncBuiltinESMExports();
    const { ws } = big;
    const config = serverSetup(ws, '.policylint.yaml');
    expect(problems(config, ws)).toEqual([['<ws>/.policylint.yaml', 1, 1, 'Cannot read the configuration: the file is 50 MB, over the 10 MB limit.']]);
    const glossary = serverSetup(ws, 'small.yaml');
    expect(problems(glossary, ws)).toEqual([['<ws>/small.yaml', 2, 5, 'Cannot read glossary "huge.yaml": the file is 50 MB, over the 10 MB limit.']]);
    expect(check(glossary, ws)).toEqual(bibError('Cannot read the bibliography “refs.bib”: the file is 50 MB, over the 10 MB limit; citation keys are not checked.'));
    expect(Math.max(0, ...alloc.mock.calls.map((c) => c[0] as number))).toBeLessThanOrEqual(MAX_USER_FILE_BYTES + 1);
    expect(readFileSync).not.toHaveBeenCalled();
    // all that was read: the small config naming the huge glossary; not one byte of the three 50 MB files
    expect(readSync.mock.results.reduce((n, r) => n + (r.value as number), 0)).toBe('glossary:\n  - huge.yaml\n'.length);
    vi.restoreAllMocks();
    syncBuiltinESMExports();
  });

  it('the CLI: the same problems, exit status 1 for the broken config, 2 never', () => {
    const out: string[] = [];
    const err: string[] = [];
    const paper = join(big.ws, 'paper.md');
    fs.writeFileSync(paper, PAPER);
    const code = run(['--no-color', '--config', join(big.ws, '.policylint.yaml'), paper], (s) => out.push(s), (s) => err.push(s), false);
    expect(err).toEqual([]);
    expect(code).toBe(1);
    const lines = out.join('\n').replaceAll(big.ws, '<ws>').split('\n');
    expect(lines.slice(0, 2)).toEqual([
      '<ws>/.policylint.yaml:1:1  error  Cannot read the configuration: the file is 50 MB, over the 10 MB limit.  config/invalid',
      '<ws>/paper.md:2:15  error  Cannot read the bibliography “refs.bib”: the file is 50 MB, over the 10 MB limit; citation keys are not checked.  citation/bibliography-error',
    ]);
  });

  it('readUserFile refuses a file over a smaller limit by its size alone', () => {
    const file = join(big.ws, 'refs.bib');
    expect(() => readUserFile(file, { maxBytes: 1024 })).toThrow(new ReadRefused('the file is 50 MB, over the 1 KB limit', 'too-large'));
  });
});

// ---- paths outside the workspace --------------------------------------------------------------------------------

describe('paths outside the workspace', () => {
  const REFUSED = `Cannot read the bibliography “../outside/refs.bib”: ${OUTSIDE_WORKSPACE}; citation keys are not checked.`;

  it('a glossary outside the config folder (relative or absolute) is refused for everyone, even trusted', () => {
    const { ws, out } = project({ '.policylint.yaml': `glossary:\n  - ../../etc/passwd\n  - ${join('..', 'outside', 'terms.yaml')}\n  - /etc/passwd\n`, 'refs.bib': BIB }, { 'terms.yaml': GLOSSARY });
    const setup = serverSetup(ws, '.policylint.yaml', true);
    expect(problems(setup, ws)).toEqual([
      ['<ws>/.policylint.yaml', 2, 5, 'Glossary "../../etc/passwd" is outside the folder of the configuration and was not read.'],
      ['<ws>/.policylint.yaml', 3, 5, 'Glossary "../outside/terms.yaml" is outside the folder of the configuration and was not read.'],
      ['<ws>/.policylint.yaml', 4, 5, 'Glossary "/etc/passwd" is outside the folder of the configuration and was not read.'],
    ]);
    expect(check(setup, ws)).toEqual(DEFAULTS);
    void out;
  });

  it('a glossary symlinked to a file outside: refused in an untrusted workspace, read in a trusted one', () => {
    const { ws, out } = project({ '.policylint.yaml': 'glossary:\n  - terms.yaml\n', 'refs.bib': BIB }, { 'terms.yaml': GLOSSARY });
    fs.symlinkSync(join(out, 'terms.yaml'), join(ws, 'terms.yaml'));
    const untrusted = serverSetup(ws, '.policylint.yaml', false);
    expect(problems(untrusted, ws)).toEqual([['<ws>/.policylint.yaml', 2, 5, `Cannot read glossary "terms.yaml": ${OUTSIDE_WORKSPACE}.`]]);
    expect(check(untrusted, ws, false)).toEqual(DEFAULTS);
    const trusted = serverSetup(ws, '.policylint.yaml', true);
    expect(problems(trusted, ws)).toEqual([]);
    expect(check(trusted, ws, true)).toEqual([MISSPELLED, UNKNOWN_KEY]);
  });

  it('a config file symlinked to a file outside: refused in an untrusted workspace', () => {
    const { ws, out } = project({ 'refs.bib': BIB }, { 'shared.yaml': 'rules:\n  acronym/misspelled: error\n' });
    fs.symlinkSync(join(out, 'shared.yaml'), join(ws, '.policylint.yaml'));
    const untrusted = serverSetup(ws, '.policylint.yaml', false);
    expect(problems(untrusted, ws)).toEqual([['<ws>/.policylint.yaml', 1, 1, `Cannot read the configuration: ${OUTSIDE_WORKSPACE}.`]]);
    expect(check(untrusted, ws, false)).toEqual(DEFAULTS);
    expect(check(serverSetup(ws, '.policylint.yaml', true), ws, true)).toEqual(['acronym/misspelled error RECP', UNDEFINED, UNKNOWN_KEY]);
  });

  it('a bibliography outside (relative, absolute, or through a symlink): refused untrusted, read trusted', () => {
    const { ws, out } = project({}, { 'refs.bib': BIB });
    fs.symlinkSync(join(out, 'refs.bib'), join(ws, 'link.bib'));
    fs.symlinkSync(out, join(ws, 'linked-folder'));
    const none = loadWorkspaceSetup(undefined, () => '', rules);
    const paper = (p: string) => PAPER.replace('refs.bib', p);
    expect(check(none, ws, false, paper('../outside/refs.bib'))).toEqual([`citation/bibliography-error error ../outside/refs.bib | ${REFUSED}`, MISSPELLED, UNDEFINED]);
    expect(check(none, ws, true, paper('../outside/refs.bib'))).toEqual(DEFAULTS);
    const abs = join(out, 'refs.bib');
    expect(check(none, ws, false, paper(abs))[0]).toBe(`citation/bibliography-error error ${abs} | Cannot read the bibliography “${abs}”: ${OUTSIDE_WORKSPACE}; citation keys are not checked.`);
    expect(check(none, ws, true, paper(abs))).toEqual(DEFAULTS);
    for (const link of ['link.bib', 'linked-folder/refs.bib']) {
      expect(check(none, ws, false, paper(link))[0]).toBe(`citation/bibliography-error error ${link} | Cannot read the bibliography “${link}”: ${OUTSIDE_WORKSPACE}; citation keys are not checked.`);
      expect(check(none, ws, true, paper(link))).toEqual(DEFAULTS);
    }
  });

  it('inside the workspace (also through a symlink that stays inside), an untrusted workspace reads as usual', () => {
    const { ws } = project({ 'refs/main.bib': BIB });
    fs.symlinkSync(join(ws, 'refs', 'main.bib'), join(ws, 'refs.bib'));
    expect(check(loadWorkspaceSetup(undefined, () => '', rules), ws, false)).toEqual(DEFAULTS);
    expect(check(loadWorkspaceSetup(undefined, () => '', rules), ws, false, PAPER.replace('refs.bib', 'missing.bib'))[0]).toBe(
      'citation/bibliography-error error missing.bib | Cannot read the bibliography “missing.bib”: no such file; citation keys are not checked.',
    );
  });

  it('papers on disk: the workspace check does not read a symlinked paper outside an untrusted workspace', async () => {
    const { ws, out } = project({ 'a.md': PAPER }, { 'secret.md': PAPER });
    fs.symlinkSync(join(out, 'secret.md'), join(ws, 'b.md'));
    const access = new FileAccess(() => [ws], false);
    const disk = new WorkspaceFiles((_file, text) => analyze(text), undefined, undefined, access);
    expect(disk.list([ws])).toEqual([join(ws, 'a.md')]);
    expect(show(await disk.analyze(join(ws, 'a.md')))).toEqual([MISSPELLED, UNDEFINED]);
    await expect(disk.analyze(join(ws, 'b.md'))).rejects.toThrow(OUTSIDE_WORKSPACE);
    expect(disk.analyzeSync(join(ws, 'b.md'))).toBeUndefined();
    access.trusted = true;
    expect(disk.analyzeSync(join(ws, 'b.md'))).toBeDefined();
  });
});

// ---- the policy -------------------------------------------------------------------------------------------------

describe('isReadAllowed (pure, with an injected realpath)', () => {
  // a fake file system: /ws/link → /elsewhere, /ws/inner-link → /ws/docs, /alias-ws → /ws
  const links: Record<string, string> = { '/ws/link': '/elsewhere', '/ws/inner-link': '/ws/docs', '/alias-ws': '/ws' };
  const existing = new Set(['/', '/ws', '/ws/docs', '/ws/docs/refs.bib', '/elsewhere', '/elsewhere/refs.bib', '/ws-other', '/ws-other/refs.bib', '/ws/..hidden.bib', '/etc', '/etc/passwd']);
  const realpath = (p: string): string => {
    for (const [from, to] of Object.entries(links)) {
      if (p === from || p.startsWith(from + '/')) return realpath(to + p.slice(from.length));
    }
    if (!existing.has(p)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return p;
  };
  it.each([
    ['/ws/docs/refs.bib', ['/ws'], false, true],
    ['/ws/docs/missing.bib', ['/ws'], false, true],
    ['/ws/../etc/passwd', ['/ws'], false, false],
    ['/etc/passwd', ['/ws'], false, false],
    ['/ws/link/refs.bib', ['/ws'], false, false],
    ['/ws/link/missing.bib', ['/ws'], false, false],
    ['/ws/inner-link/refs.bib', ['/ws'], false, true],
    ['/alias-ws/docs/refs.bib', ['/ws'], false, true],
    ['/ws/docs/refs.bib', ['/alias-ws'], false, true],
    ['/ws-other/refs.bib', ['/ws'], false, false],
    ['/ws/..hidden.bib', ['/ws'], false, true],
    ['/elsewhere/refs.bib', ['/ws', '/elsewhere'], false, true],
    ['/ws/docs/refs.bib', [], false, false],
    ['/ws/docs/refs.bib', [undefined], false, false],
    ['/etc/passwd', [], true, true],
    ['/ws/link/refs.bib', ['/ws'], true, true],
  ] as [string, (string | undefined)[], boolean, boolean][])('%s in %j, trusted %s → %s', (file, roots, trusted, allowed) => {
    expect(isReadAllowed(file, roots, trusted, realpath)).toBe(allowed);
  });

  it('realPathOf resolves the deepest existing folder of a missing file', () => {
    expect(realPathOf('/ws/link/new/refs.bib', realpath)).toBe('/elsewhere/new/refs.bib');
    expect(realPathOf('/nowhere/x', realpath)).toBe('/nowhere/x');
  });

  it('decodeUserFile drops a byte-order mark and rejects overlong and surrogate encodings', () => {
    expect(decodeUserFile(Buffer.from('\uFEFFrules: {}\n'))).toBe('rules: {}\n');
    expect(decodeUserFile(Buffer.from('Café 東京 😀\n'))).toBe('Café 東京 😀\n');
    for (const [bytes, message] of [
      [[0x61, 0x0a, 0xc0, 0xaf], 'byte 0xC0 on line 2'],
      [[0x0a, 0x0a, 0xed, 0xa0, 0x80], 'byte 0xED on line 3'],
      [[0x61, 0xe2, 0x82], 'byte 0xE2 on line 1'],
      [[0xff, 0xfe, 0x61, 0x00], 'byte 0xFF on line 1'],
    ] as [number[], string][]) {
      expect(() => decodeUserFile(Uint8Array.from(bytes))).toThrow(`the file is not UTF-8 text (${message}); save it as UTF-8`);
    }
  });
});

// ---- client ⇄ server ----------------------------------------------------------------------------------------

describe('workspace trust between the client and the server', () => {
  it('the client and the server agree on the notification, and on initializationOptions', () => {
    expect(CLIENT_TRUST_NOTIFICATION).toBe(WORKSPACE_TRUST_NOTIFICATION);
    expect(trustedFromInitializationOptions(trustInitializationOptions(false))).toBe(false);
    expect(trustedFromInitializationOptions(trustInitializationOptions(true))).toBe(true);
    // editors without workspace trust (no option) are trusted: the user started the server
    expect(trustedFromInitializationOptions(undefined)).toBe(true);
    expect(trustedFromInitializationOptions({ settings: {} })).toBe(true);
  });

  it('granting trust lets the same FileAccess read outside', () => {
    const { ws, out } = project({}, { 'refs.bib': BIB });
    const access = new FileAccess(() => [ws], false);
    const read = access.bibliographyReader(ws);
    expect(() => read('../outside/refs.bib')).toThrow(OUTSIDE_WORKSPACE);
    access.trusted = true;
    expect(read('../outside/refs.bib')).toBe(BIB);
    expect(access.lineOf(join(out, 'refs.bib'), 3)).toBe('  title = {Ports and Data},');
  });
});
