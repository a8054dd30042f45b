import { describe, expect, it } from 'vitest';
import { parseConfig, resolveConfig } from '../../server/src/core/config';
import { rules } from '../../server/src/rules/registry';
import { analyze } from '../../server/src/core/analyze';

describe('config files', () => {
  it('reads severities and options in YAML and JSON', () => {
    const yaml = parseConfig('rules:\n  acronym/undefined:\n    severity: warning\n    options:\n      ignore: [ZQRT]\n  acronym/redefined: off\n', rules);
    expect(yaml.problems).toEqual([]);
    const json = parseConfig('{"rules": {"acronym/undefined": {"severity": "warning", "options": {"ignore": ["ZQRT"]}}, "acronym/redefined": "off"}}', rules);
    expect(json).toEqual(yaml);
    const resolved = resolveConfig(rules, yaml.config);
    expect(resolved.rules.get('acronym/undefined')).toEqual({ severity: 'warning', options: { ignore: ['ZQRT'], allowCommon: true } });
    expect(resolved.rules.get('acronym/redefined')?.severity).toBe('off');
    expect(resolved.rules.get('acronym/misspelled')).toEqual({ severity: 'warning', options: { ignore: [] } });
  });

  it('names the line of every problem and keeps what is valid', () => {
    const { config, problems } = parseConfig('rules:\n  acronym/nope: error\n  acronym/undefined: loud\n  acronym/misspelled:\n    options:\n      ignore: 3\n      colour: red\nextra: 1\n', rules);
    expect(problems).toEqual([
      { line: 2, column: 3, message: expect.stringMatching(/^Unknown rule "acronym\/nope"\. Known rules: acronym\/misspelled, /) },
      { line: 3, column: 22, message: '"acronym/undefined" must be a severity (error, warning, information, hint, off) or { severity, options }.' },
      { line: 6, column: 15, message: 'Option "ignore" of "acronym/misspelled" must be a string[].' },
      { line: 7, column: 7, message: 'Rule "acronym/misspelled" has no option "colour" (options: ignore).' },
      { line: 8, column: 1, message: 'Unknown key "extra" (expected "rules", "glossary" or "ignore").' },
    ]);
    expect(config.rules).toEqual({ 'acronym/misspelled': { options: {} } });
  });

  it('reports a syntax error with its line and falls back to the defaults', () => {
    const { config, problems } = parseConfig('rules:\n  acronym/undefined: [warning\n', rules);
    // the line where the "[" is opened, not the end of the file where the parser notices
    expect(problems).toEqual([{ line: 2, column: 22, message: 'Invalid YAML: the "[" is never closed.' }]);
    expect(config).toEqual({});
  });

  it('applies severities and "off" in analysis', () => {
    const text = 'The ZQRT report was late.';
    expect(analyze(text).findings.map((f) => [f.ruleId, f.severity])).toEqual([['acronym/undefined', 'hint']]);
    const off = resolveConfig(rules, { rules: { 'acronym/undefined': 'off' } });
    expect(analyze(text, { config: off }).findings).toEqual([]);
    const ignored = resolveConfig(rules, { rules: { 'acronym/undefined': { options: { ignore: ['ZQRT'] } } } });
    expect(analyze(text, { config: ignored }).findings).toEqual([]);
  });
});

describe('inline disable comments', () => {
  const body = 'The PDEX helps.\n\nThe ZQRT report.\n\nThe Port Data Exchange (PDEX) opened.\n';
  const ids = (text: string) => analyze(text).findings.map((f) => f.ruleId);
  it('disable / enable by rule and by family', () => {
    expect(ids(body)).toEqual(['acronym/used-before-definition', 'acronym/undefined']);
    expect(ids('<!-- policy-lint-disable acronym/undefined -->\n\n' + body)).toEqual(['acronym/used-before-definition']);
    expect(ids('<!-- policy-lint-disable acronym -->\n\n' + body)).toEqual([]);
    expect(ids('<!-- policy-lint-disable -->\n\nThe PDEX helps.\n\n<!-- policy-lint-enable -->\n\nThe ZQRT report.\n\nThe Port Data Exchange (PDEX) opened.\n')).toEqual(['acronym/undefined']);
  });
  it('disable-next-line, disable-line and disable-file', () => {
    expect(ids('<!-- policy-lint-disable-next-line acronym/used-before-definition -->\n' + body)).toEqual(['acronym/undefined']);
    expect(ids('The PDEX helps. <!-- policy-lint-disable-line -->\n\nThe ZQRT report.\n\nThe Port Data Exchange (PDEX) opened.\n')).toEqual(['acronym/undefined']);
    expect(ids(body + '\n<!-- policy-lint-disable-file acronym/undefined -->\n')).toEqual(['acronym/used-before-definition']);
  });
});
