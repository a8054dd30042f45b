// The JSON Schema (draft-07) of `.policylint.yaml` / `.policylint.yml` / `.policylint.json`, generated from the rule
// registry: `npm run gen:schema` writes schemas/policylint.schema.json; test/unit/schema.test.ts fails when the
// committed file drifts from what this script generates, and checks that the schema and the config parser
// (server/src/core/config.ts) accept and reject the same samples.
//
// VS Code validates `.policylint.json` with it (`contributes.jsonValidation`); YAML files opt in with a
// `# yaml-language-server: $schema=…` first line (Red Hat's YAML extension), see the README.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { docsUrl, REPOSITORY_URL } from '../server/src/core/docs';
import type { OptionSpec } from '../server/src/core/rule';
import { rules } from '../server/src/rules/registry';

export const SCHEMA_FILE = 'schemas/policylint.schema.json';
export const SCHEMA_URL = `${REPOSITORY_URL.replace('https://github.com/', 'https://raw.githubusercontent.com/')}/main/${SCHEMA_FILE}`;
const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];

function optionSchema(spec: OptionSpec): Record<string, unknown> {
  switch (spec.type) {
    case 'string[]':
      return { type: 'array', items: { type: 'string' } };
    default:
      return { type: spec.type };
  }
}

/** One string or a list of strings: the parser takes `glossary: terms.yaml` as `[terms.yaml]`. */
function stringOrList(description: string, item: string): Record<string, unknown> {
  return {
    description,
    anyOf: [
      { type: 'string', description: item },
      { type: 'array', items: { type: 'string', description: item } },
    ],
  };
}

export function configSchema(): Record<string, unknown> {
  const ruleProperties: Record<string, unknown> = {};
  for (const { meta } of rules) {
    const options: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(meta.options as Record<string, OptionSpec>)) {
      options[name] = { ...optionSchema(spec), description: spec.description, default: (meta.defaultOptions as Record<string, unknown>)[name] };
    }
    const severity = { type: 'string', enum: SEVERITIES, default: meta.defaultSeverity };
    ruleProperties[meta.id] = {
      description: `${meta.description} Default: ${meta.defaultSeverity}. Docs: ${docsUrl(meta)}`,
      markdownDescription: `${meta.description} Default: \`${meta.defaultSeverity}\`. [Docs](${docsUrl(meta)})`,
      default: meta.defaultSeverity,
      anyOf: [
        { ...severity, description: 'The severity (`off` turns the rule off).' },
        {
          type: 'object',
          description: 'A severity and/or options.',
          properties: {
            severity,
            options: {
              type: 'object',
              description: Object.keys(options).length ? `Options of ${meta.id}.` : `${meta.id} has no options.`,
              properties: options,
              additionalProperties: false,
            },
          },
          additionalProperties: false,
        },
      ],
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_URL,
    title: 'Policy Lint configuration',
    description: `Configuration of Policy Lint (.policylint.yaml, .policylint.yml or .policylint.json at the root of the workspace), read by the language server and the CLI. ${REPOSITORY_URL}#configuration-file-and-schema`,
    type: 'object',
    properties: {
      rules: {
        type: 'object',
        description: 'Per rule id: a severity (error, warning, information, hint, off) or { severity, options }.',
        properties: ruleProperties,
        additionalProperties: false,
      },
      glossary: stringOrList(
        'Glossary files (YAML or JSON) with extra or overriding knowledge-base entries, relative to this file.',
        'A glossary file, relative to this file.',
      ),
      ignore: stringOrList('Files the CLI skips: globs relative to this file.', 'A glob, relative to this file.'),
    },
    additionalProperties: false,
  };
}

export function schemaText(): string {
  return JSON.stringify(configSchema(), null, 2) + '\n';
}

// `tsx scripts/gen-schema.ts` writes the file; importing the module (the test) does not.
if (process.argv[1] && /gen-schema\.ts$/.test(process.argv[1])) {
  writeFileSync(join(__dirname, '..', SCHEMA_FILE), schemaText());
  console.log(`${SCHEMA_FILE} regenerated`);
}
