import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkspaceSetup } from '../../server/src/core/workspace';
import { rules } from '../../server/src/rules/registry';
import { analyze } from '../../server/src/core/analyze';
import { resolveConfig } from '../../server/src/core/config';
import { hoverAt } from '../../server/src/core/hover';

const read = (f: string) => readFileSync(f, 'utf8');

describe('workspace config and glossaries', () => {
  it('merges a glossary over the knowledge base: new entries stop undefined findings and get hover cards', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-ws-'));
    writeFileSync(join(dir, '.policylint.yaml'), 'glossary:\n  - terms.yaml\n');
    writeFileSync(join(dir, 'terms.yaml'), 'entries:\n  - id: zqrt\n    acronym: ZQRT\n    name: Zonal Quota Review Taskforce\n    kind: working group\n    summary: A taskforce invented for this test.\n    source: https://example.org/zqrt\n');
    const setup = loadWorkspaceSetup(join(dir, '.policylint.yaml'), read, rules);
    expect(setup.problems).toEqual([]);
    const text = 'The ZQRT report was late.';
    const result = analyze(text, { kb: setup.kb, config: resolveConfig(rules, setup.config) });
    expect(result.findings).toEqual([]);
    expect(hoverAt(result, 5)?.markdown.split('\n\n')[0]).toBe('**ZQRT** · Zonal Quota Review Taskforce');
  });

  it('reports unreadable, escaping and malformed glossaries at their lines and keeps the defaults', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-ws-'));
    writeFileSync(join(dir, '.policylint.yaml'), 'rules:\n  acronym/undefined: off\nglossary:\n  - missing.yaml\n  - ../outside.yaml\n  - bad.json\n');
    writeFileSync(join(dir, 'bad.json'), '{"entries": [\n  {"acronym": "X1", "name": 5}\n');
    const setup = loadWorkspaceSetup(join(dir, '.policylint.yaml'), read, rules);
    expect(setup.problems.map((p) => [p.file.replace(dir, '<dir>'), p.line, p.message])).toEqual([
      ['<dir>/.policylint.yaml', 4, 'Cannot read glossary "missing.yaml": no such file.'],
      ['<dir>/.policylint.yaml', 5, 'Glossary "../outside.yaml" is outside the folder of the configuration and was not read.'],
      ['<dir>/bad.json', 3, expect.any(String)],
    ]);
    expect(setup.config.rules).toEqual({ 'acronym/undefined': 'off' });
  });

  it('reports a missing config file and carries on with the built-in knowledge base', () => {
    const setup = loadWorkspaceSetup('/nonexistent/.policylint.yaml', read, rules);
    expect(setup.problems).toEqual([{ file: '/nonexistent/.policylint.yaml', line: 1, column: 1, message: 'Cannot read the configuration: no such file.' }]);
    expect(setup.kb.byAcronym('IPEF')?.name).toBe('Indo-Pacific Economic Framework for Prosperity');
  });
});
