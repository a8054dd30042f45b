// schemas/policylint.schema.json: generated from the rule registry (no drift), valid draft-07, contributed to VS Code
// for `.policylint.json`, and in agreement with the config parser on good and bad samples.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { SCHEMA_FILE, configSchema, schemaText } from '../../scripts/gen-schema';
import { parseConfig } from '../../server/src/core/config';
import { rules } from '../../server/src/rules/registry';

const root = join(__dirname, '..', '..');
const committed = readFileSync(join(root, SCHEMA_FILE), 'utf8');
const schema = JSON.parse(committed);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

function errors(): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
}

/** Samples as they would be written in `.policylint.yaml`; each must get the same verdict from both. */
const GOOD: [string, string][] = [
  ['an empty mapping', '{}'],
  ['severities', 'rules:\n  acronym/misspelled: error\n  acronym/redefined: off\n'],
  ['severity and options', 'rules:\n  acronym/undefined:\n    severity: information\n    options:\n      ignore: [TSMC, SMIC]\n'],
  ['options only', 'rules:\n  number/shares-exceed-total:\n    options:\n      tolerance: 0.5\n'],
  ['empty options of a rule without options', 'rules:\n  acronym/redefined:\n    options: {}\n'],
  ['glossary and ignore lists', 'glossary:\n  - glossary.yaml\n  - terms/extra.json\nignore:\n  - drafts/**\n  - "**/README.md"\n'],
  ['one glossary file as a string', 'glossary: glossary.yaml\nignore: drafts/**\n'],
  ['every rule at its default severity', `rules:\n${rules.map((r) => `  ${r.meta.id}: ${r.meta.defaultSeverity}`).join('\n')}\n`],
];

const BAD: [string, string][] = [
  ['an unknown top-level key', 'rulez:\n  acronym/misspelled: off\n'],
  ['an unknown rule', 'rules:\n  acronym/misspeled: off\n'],
  ['a misspelt severity', 'rules:\n  acronym/misspelled: warn\n'],
  ['a bad severity in the object form', 'rules:\n  acronym/misspelled:\n    severity: fatal\n'],
  ['an unknown option', 'rules:\n  acronym/misspelled:\n    options:\n      ignroe: [X]\n'],
  ['an option on a rule without options', 'rules:\n  acronym/redefined:\n    options:\n      strict: true\n'],
  ['an option of the wrong type', 'rules:\n  number/shares-exceed-total:\n    options:\n      tolerance: "half"\n'],
  ['a string list with a number', 'rules:\n  acronym/misspelled:\n    options:\n      ignore: [X, 3]\n'],
  ['an unknown key next to severity', 'rules:\n  acronym/misspelled:\n    level: error\n'],
  ['rules as a list', 'rules:\n  - acronym/misspelled\n'],
  ['a numeric glossary', 'glossary: 3\n'],
  ['a top-level list', '- rules\n'],
];

describe('schemas/policylint.schema.json', () => {
  it('is exactly what scripts/gen-schema.ts generates from the registry (run `npm run gen:schema` after changing a rule)', () => {
    expect(committed).toBe(schemaText());
  });

  it('is a valid draft-07 schema with a property and a docs link for every rule', () => {
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const props = configSchema().properties as { rules: { properties: Record<string, { markdownDescription: string }> } };
    expect(Object.keys(props.rules.properties)).toEqual(rules.map((r) => r.meta.id));
    for (const r of rules) expect(props.rules.properties[r.meta.id].markdownDescription).toContain(r.meta.docs);
  });

  it('is contributed to VS Code for .policylint.json', () => {
    expect(pkg.contributes.jsonValidation).toContainEqual({ fileMatch: ['.policylint.json'], url: `./${SCHEMA_FILE}` });
  });

  it.each(GOOD)('accepts %s, as the config parser does', (_name, yaml) => {
    const value = parseDocument(yaml).toJSON();
    expect(validate(value), errors()).toBe(true);
    expect(parseConfig(yaml, rules).problems).toEqual([]);
    // the same content as JSON (`.policylint.json`)
    expect(parseConfig(JSON.stringify(value, null, 2), rules).problems).toEqual([]);
  });

  it.each(BAD)('rejects %s, as the config parser does', (_name, yaml) => {
    const value = parseDocument(yaml).toJSON();
    expect(validate(value)).toBe(false);
    expect(parseConfig(yaml, rules).problems.length).toBeGreaterThan(0);
  });
});
