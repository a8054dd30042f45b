import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesSetting } from '../../scripts/settings';
import { rules } from '../../server/src/rules/registry';
import { existsSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));

describe('package.json settings and the rule registry', () => {
  it('policyLint.rules is exactly what the registry generates (run `npm run gen:settings` after changing a rule)', () => {
    expect(pkg.contributes.configuration.properties['policyLint.rules']).toEqual(rulesSetting());
  });
  it('every rule has a docs page, a unique family/name id and a description', () => {
    const ids = rules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of rules) {
      expect(r.meta.id).toMatch(/^(acronym|citation|number)\/[a-z]+(-[a-z]+)*$/);
      expect(r.meta.docs).toBe(`docs/rules/${r.meta.id}.md`);
      expect(existsSync(join(__dirname, '..', '..', r.meta.docs)), r.meta.docs).toBe(true);
      expect(r.meta.description.length).toBeGreaterThan(20);
      expect(Object.keys(r.meta.options).sort()).toEqual(Object.keys(r.meta.defaultOptions).sort());
    }
  });
});
