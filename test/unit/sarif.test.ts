// `policy-lint --format sarif` (the built CLI): valid against the SARIF 2.1.0 JSON Schema, and exact for a small fixture.
//
// test/fixtures/sarif-schema-2.1.0.json is the SARIF 2.1.0 schema as Microsoft's SARIF SDK ships it, vendored
// unchanged from the npm package @microsoft/sarif-multitool-linux@5.7.0 (file `sarif-2.1.0.json`, MIT licence,
// sha256 1c49a0f2b60444c71bb14878e21e0d882198eff4c539861b133093ad89ed798c). It is the OASIS 2.1.0 schema
// expressed in JSON Schema draft 2020-12, so it is compiled with Ajv's 2020 build, with string formats
// (uri, uri-reference, date-time…) checked by ajv-formats.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { analyze, docsUrl, rules } from '../../server/src/core/index';

const BIN = join(__dirname, '..', '..', 'bin', 'policy-lint.js');
const SCHEMA_FILE = join(__dirname, '..', 'fixtures', 'sarif-schema-2.1.0.json');
const T = 30_000;
const pkgVersion = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).version as string;

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function workspace(files: Record<string, string>): string {
  // realpath: on macOS the temp folder is a symbolic link, and %SRCROOT% is the real working folder
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'pl-sarif-')));
  mkdirSync(join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const schemaText = readFileSync(SCHEMA_FILE, 'utf8');
// strict mode, except strictRequired: the schema requires properties that some anyOf branches do not declare, which is valid JSON Schema
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(schemaText));

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(ok ? [] : validate.errors).toEqual([]);
}

/**
 * The fixture: line 3 has a misspelling (PDDC, a certain fix) after an emoji, which is two UTF-16 code units;
 * line 5 expands PDC a second way (a suggestion, with the first definition as related location).
 */
const PAPER = '# Council notes 🌏\n\nThe Pacific Data Council (PDC) met. 🌏 The PDDC did not.\n\nLater the Policy Design Committee (PDC) met.\n';
const findings = analyze(PAPER).findings;
const msg = (ruleId: string) => findings.find((f) => f.ruleId === ruleId)!.message;
const ruleIndex = (id: string) => rules.findIndex((r) => r.meta.id === id);

describe('SARIF output', () => {
  it('the vendored schema is the SARIF 2.1.0 schema, unchanged, and rejects what it must', () => {
    expect(createHash('sha256').update(readFileSync(SCHEMA_FILE)).digest('hex')).toBe('1c49a0f2b60444c71bb14878e21e0d882198eff4c539861b133093ad89ed798c');
    const schema = JSON.parse(schemaText);
    expect(schema.title).toBe('Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
    expect(schema.properties.version.enum).toEqual(['2.1.0']);
    expect(validate({ version: '2.1.0', runs: [] })).toBe(true);
    // the checks below would all pass against a schema that checks nothing
    expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false); // driver.name is required
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { region: { startLine: 0 } } }] }] }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x', informationUri: 'not a uri' } } }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, columnKind: 'codePoints' }] })).toBe(false);
  });

  it('is valid against the SARIF 2.1.0 schema: findings, related locations, fixes, a broken config, files outside the working folder', () => {
    const outside = workspace({ 'far.md': 'The Pacific Data Council (PDC) met.\n\nThe PDDC did not.\n' });
    const dir = workspace({
      'papers/a paper.md': PAPER,
      'papers/clean.md': 'Nothing to see.\n',
      'papers/bad.md': 'We asked the WXQ about it. The Western Quarry Board (WXQ) replied.\n',
      '.policylint.yaml': 'rules:\n  acronym/nope: warning\n',
    });
    const r = cli(['--format', 'sarif', 'papers', join(outside, 'far.md')], dir);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    const log = JSON.parse(r.out);
    expectValid(log);
    const results = log.runs[0].results;
    expect(results.map((x: { ruleId: string }) => x.ruleId)).toEqual([
      'config/invalid',
      'acronym/misspelled',
      'acronym/inconsistent-expansion',
      'acronym/wrong-expansion',
      'acronym/misspelled',
    ]);
    // the config problem: a region with a start only, and its own rule descriptor
    expect(results[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: '.policylint.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 3 } });
    expect(log.runs[0].tool.driver.rules[results[0].ruleIndex].id).toBe('config/invalid');
    // a path with a space is percent-encoded; a file outside the working folder gets an absolute file URI
    expect(results[1].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'papers/a%20paper.md', uriBaseId: '%SRCROOT%' });
    expect(results[4].locations[0].physicalLocation.artifactLocation).toEqual({ uri: pathToFileURL(join(outside, 'far.md')).href });
    for (const x of results) expect(log.runs[0].tool.driver.rules[x.ruleIndex].id).toBe(x.ruleId);
  }, T);

  it('is valid, with every rule, when there is nothing to report', () => {
    const dir = workspace({ 'clean.md': 'Nothing to see.\n' });
    const r = cli(['--format', 'sarif', '.'], dir);
    expect(r.code).toBe(0);
    const log = JSON.parse(r.out);
    expectValid(log);
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].tool.driver.rules).toHaveLength(rules.length);
  }, T);

  it('is exact for a small fixture: tool, rule metadata, regions in UTF-16 columns, related location, fixes', () => {
    const dir = workspace({ 'paper.md': PAPER });
    const r = cli(['--format', 'sarif', 'paper.md'], dir);
    expect(r.code).toBe(0);
    const log = JSON.parse(r.out);
    expectValid(log);
    const { tool, results, ...run } = log.runs[0];
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run).toEqual({
      invocations: [{ executionSuccessful: true }],
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(dir).href + '/' } },
      artifacts: [{ location: { uri: 'paper.md', uriBaseId: '%SRCROOT%' }, mimeType: 'text/markdown', sourceLanguage: 'markdown' }],
      columnKind: 'utf16CodeUnits',
    });

    const { rules: descriptors, ...driver } = tool.driver;
    expect(driver).toEqual({
      name: 'policy-lint',
      version: pkgVersion,
      semanticVersion: pkgVersion,
      informationUri: 'https://github.com/policy-lint/policy-lint',
    });
    // one descriptor per registered rule, in registry order, built from its meta
    const levels = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;
    expect(descriptors.map((d: { id: string }) => d.id)).toEqual(rules.map((x) => x.meta.id));
    for (const [i, rule] of rules.entries()) {
      const d = descriptors[i];
      expect(d.shortDescription).toEqual({ text: rule.meta.description });
      expect(d.fullDescription.text.startsWith(rule.meta.description)).toBe(true);
      expect(d.helpUri).toBe(docsUrl(rule.meta));
      expect(d.defaultConfiguration).toEqual(
        rule.meta.defaultSeverity === 'off' ? { enabled: false, level: 'none' } : { level: levels[rule.meta.defaultSeverity] },
      );
      expect(d.properties.fixable).toBe(rule.meta.fixable);
    }
    const misspelled = rules.find((x) => x.meta.id === 'acronym/misspelled')!.meta;
    expect(descriptors[ruleIndex('acronym/misspelled')]).toEqual({
      id: 'acronym/misspelled',
      name: 'AcronymMisspelled',
      shortDescription: { text: misspelled.description },
      fullDescription: { text: `${misspelled.description} Findings with a certain fix are corrected by \`policy-lint --fix\`.` },
      helpUri: 'https://github.com/policy-lint/policy-lint/blob/main/docs/rules/acronym/misspelled.md',
      help: {
        text: `${misspelled.description}\n\nFindings with a certain fix are corrected by \`policy-lint --fix\`.\n\nDocumentation: https://github.com/policy-lint/policy-lint/blob/main/docs/rules/acronym/misspelled.md`,
        markdown: `${misspelled.description}\n\nFindings with a certain fix are corrected by \`policy-lint --fix\`.\n\n[Documentation of acronym/misspelled](https://github.com/policy-lint/policy-lint/blob/main/docs/rules/acronym/misspelled.md)`,
      },
      defaultConfiguration: { level: 'warning' },
      properties: { fixable: true, tags: ['policy-lint', 'acronym'], options: ['ignore'] },
    });

    const artifactLocation = { uri: 'paper.md', uriBaseId: '%SRCROOT%' };
    // "The Pacific Data Council (PDC) met. 🌏 The " is 43 UTF-16 code units (42 code points): PDDC starts in column 44
    const pddc = { startLine: 3, startColumn: 44, endLine: 3, endColumn: 48 };
    const second = { startLine: 5, startColumn: 11, endLine: 5, endColumn: 34 };
    expect(results).toEqual([
      {
        ruleId: 'acronym/misspelled',
        ruleIndex: ruleIndex('acronym/misspelled'),
        level: 'warning',
        message: { text: msg('acronym/misspelled') },
        locations: [{ physicalLocation: { artifactLocation, region: pddc } }],
        fixes: [
          {
            description: { text: 'Replace with PDC' },
            artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: pddc, insertedContent: { text: 'PDC' } }] }],
            properties: { safe: true },
          },
        ],
      },
      {
        ruleId: 'acronym/inconsistent-expansion',
        ruleIndex: ruleIndex('acronym/inconsistent-expansion'),
        level: 'warning',
        message: { text: msg('acronym/inconsistent-expansion') },
        locations: [{ physicalLocation: { artifactLocation, region: second } }],
        relatedLocations: [
          {
            id: 1,
            physicalLocation: { artifactLocation, region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 25 } },
            message: { text: 'First definition of PDC' },
          },
        ],
        fixes: [
          {
            description: { text: 'Use the first expansion, “Pacific Data Council”' },
            artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: second, insertedContent: { text: 'Pacific Data Council' } }] }],
            properties: { safe: false },
          },
        ],
      },
    ]);
    // the regions cut out exactly the flagged words
    const lines = PAPER.split('\n');
    expect(lines[2].slice(pddc.startColumn - 1, pddc.endColumn - 1)).toBe('PDDC');
    expect(lines[4].slice(second.startColumn - 1, second.endColumn - 1)).toBe('Policy Design Committee');
    expect(lines[2].slice(4, 24)).toBe('Pacific Data Council');
  }, T);

  it('maps configured severities to levels (information and hint are notes) and --quiet keeps errors only', () => {
    const dir = workspace({
      'paper.md': PAPER,
      '.policylint.yaml': 'rules:\n  acronym/misspelled: hint\n  acronym/inconsistent-expansion: error\n',
    });
    const log = JSON.parse(cli(['--format', 'sarif', 'paper.md'], dir).out);
    expectValid(log);
    expect(log.runs[0].results.map((x: { ruleId: string; level: string }) => [x.ruleId, x.level])).toEqual([
      ['acronym/misspelled', 'note'],
      ['acronym/inconsistent-expansion', 'error'],
    ]);
    // the rule descriptors keep the registry's defaults
    expect(log.runs[0].tool.driver.rules[ruleIndex('acronym/misspelled')].defaultConfiguration).toEqual({ level: 'warning' });
    const quiet = JSON.parse(cli(['--format', 'sarif', '--quiet', 'paper.md'], dir).out);
    expectValid(quiet);
    expect(quiet.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['acronym/inconsistent-expansion']);
  }, T);
});
