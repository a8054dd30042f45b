// SARIF 2.1.0 output (`--format sarif`) for code-scanning tools: one run, the rule registry as `tool.driver.rules`,
// one result per finding with its region, related locations and fixes. Columns are UTF-16 code units (the
// analysis core's offsets), declared by `run.columnKind`.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { docsUrl, REPOSITORY_URL, type AnyRule, type FileProblem, type LineIndex, type OffsetRange, type SeveritySetting } from '../core/index';
import type { FileReport } from './format';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Rule id of a problem in a config or glossary file (as in the text and JSON formats). */
export const CONFIG_RULE_ID = 'config/invalid';
const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note' | 'none';

/** error → error, warning → warning, information and hint → note (SARIF has no finer level). */
export function sarifLevel(severity: SeveritySetting): Level {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : severity === 'off' ? 'none' : 'note';
}

/** `acronym/misspelled` → `AcronymMisspelled`: SARIF's `name` is an identifier-like, readable form of the id. */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

function ruleDescriptor(rule: AnyRule) {
  const { id, description, defaultSeverity, fixable, options, docs } = rule.meta;
  const url = docsUrl({ docs });
  const family = id.split('/')[0];
  const fixText = fixable
    ? 'Findings with a certain fix are corrected by `policy-lint --fix`.'
    : 'There is no automatic fix: the author decides.';
  const optionNames = Object.keys(options);
  return {
    id,
    name: ruleName(id),
    shortDescription: { text: description },
    fullDescription: { text: `${description} ${fixText}` },
    helpUri: url,
    help: {
      text: `${description}\n\n${fixText}\n\nDocumentation: ${url}`,
      markdown: `${description}\n\n${fixText}\n\n[Documentation of ${id}](${url})`,
    },
    defaultConfiguration: defaultSeverity === 'off' ? { enabled: false, level: 'none' as Level } : { level: sarifLevel(defaultSeverity) },
    properties: { fixable, tags: ['policy-lint', family], ...(optionNames.length ? { options: optionNames } : {}) },
  };
}

function configRuleDescriptor() {
  const text = 'A problem in a Policy Lint configuration or glossary file; the defaults carry on where it is.';
  return {
    id: CONFIG_RULE_ID,
    name: ruleName(CONFIG_RULE_ID),
    shortDescription: { text },
    fullDescription: { text },
    helpUri: `${REPOSITORY_URL}/blob/main/docs/cli.md#configuration`,
    defaultConfiguration: { level: 'error' as Level },
    properties: { fixable: false, tags: ['policy-lint', 'config'] },
  };
}

export interface SarifOptions {
  registry: readonly AnyRule[];
  version: string;
  /** Folder the artifact URIs are relative to (`%SRCROOT%`). */
  cwd: string;
}

/** A file's location: relative to `%SRCROOT%` when inside it, else an absolute file URI. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(abs).href };
}

/** 1-based lines and columns; columns count UTF-16 code units; the end column is exclusive. */
function region(lines: LineIndex, range: OffsetRange) {
  const r = lines.range(range);
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

export function formatSarif(reports: readonly FileReport[], problems: readonly FileProblem[], options: SarifOptions): string {
  const descriptors = options.registry.map(ruleDescriptor);
  const index = new Map(descriptors.map((d, i) => [d.id as string, i]));
  const ruleIndex = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      // a finding whose rule is not in the registry (should not happen): describe it minimally
      const d = id === CONFIG_RULE_ID ? configRuleDescriptor() : { ...configRuleDescriptor(), id, name: ruleName(id), shortDescription: { text: id }, fullDescription: { text: id }, helpUri: REPOSITORY_URL };
      i = descriptors.push(d as (typeof descriptors)[number]) - 1;
      index.set(id, i);
    }
    return i;
  };

  const results: object[] = [];
  for (const p of problems) {
    results.push({
      ruleId: CONFIG_RULE_ID,
      ruleIndex: ruleIndex(CONFIG_RULE_ID),
      level: 'error',
      message: { text: p.message },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(p.file, options.cwd), region: { startLine: p.line, startColumn: p.column } } }],
    });
  }
  for (const r of reports) {
    const artifact = artifactLocation(r.path, options.cwd);
    const at = (range: OffsetRange) => ({ artifactLocation: artifact, region: region(r.lines, range) });
    for (const f of r.findings) {
      results.push({
        ruleId: f.ruleId,
        ruleIndex: ruleIndex(f.ruleId),
        level: sarifLevel(f.severity),
        message: { text: f.message },
        locations: [{ physicalLocation: at(f.range) }],
        ...(f.related.length
          ? { relatedLocations: f.related.map((x, i) => ({ id: i + 1, physicalLocation: at(x.range), message: { text: x.message } })) }
          : {}),
        ...(f.fixes.length
          ? {
              fixes: f.fixes.map((fix) => ({
                description: { text: fix.title },
                artifactChanges: [
                  {
                    artifactLocation: artifact,
                    replacements: fix.edits.map((e) => ({ deletedRegion: region(r.lines, e.range), insertedContent: { text: e.newText } })),
                  },
                ],
                properties: { safe: fix.isSafe },
              })),
            }
          : {}),
      });
    }
  }

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'policy-lint',
            version: options.version,
            semanticVersion: options.version,
            informationUri: REPOSITORY_URL,
            rules: descriptors,
          },
        },
        invocations: [{ executionSuccessful: true }],
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(options.cwd).href.replace(/\/?$/, '/') } },
        artifacts: reports.map((r) => ({ location: artifactLocation(r.path, options.cwd), mimeType: 'text/markdown', sourceLanguage: 'markdown' })),
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
