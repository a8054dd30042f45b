import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(__dirname, '..', '..', 'bin', 'policy-lint.js');
const cli = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const BAD = 'The Pacific Data Council (PDC) met.\n\nThe PDDC did not.\n';
const WRONG = 'RCEP talks. RCEP (Digital Economy Partnership Agreement) rules.\n';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pl-cli-'));
  mkdirSync(join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('policy-lint CLI', () => {
  it('prints file:line:col, severity, message and rule id, then a summary; exit 0 without errors', () => {
    const dir = workspace({ 'a.md': BAD });
    const r = cli(['a.md'], dir);
    expect(r.out).toBe(
      'a.md:3:5  warning  “PDDC” is not a known acronym; did you mean PDC (Pacific Data Council, defined on line 1)?  acronym/misspelled\n' +
        '1 problem (0 errors, 1 warning, 0 info, 0 hints) in 1 file\n',
    );
    expect(r.code).toBe(0);
  });

  it('exits 1 when a finding is an error, and walks folders for Markdown files', () => {
    const dir = workspace({ 'docs/b.md': WRONG, 'docs/notes.txt': 'RECP', 'node_modules/x.md': WRONG });
    const r = cli(['.'], dir);
    expect(r.out.split('\n')[0]).toMatch(/^docs\/b\.md:1:19  error  “Digital Economy Partnership Agreement” is the name of DEPA, not RCEP\./);
    expect(r.out).toMatch(/in 1 file\n$/);
    expect(r.code).toBe(1);
  });

  it('writes the exact JSON shape with 0-based LSP positions', () => {
    const dir = workspace({ 'a.md': BAD });
    const r = cli(['--format', 'json', 'a.md'], dir);
    expect(JSON.parse(r.out)).toEqual({
      version: 1,
      files: [{
        path: 'a.md',
        diagnostics: [{
          ruleId: 'acronym/misspelled',
          severity: 'warning',
          message: '“PDDC” is not a known acronym; did you mean PDC (Pacific Data Council, defined on line 1)?',
          range: { start: { line: 2, character: 4 }, end: { line: 2, character: 8 } },
          related: [],
          fixes: [{ title: 'Replace with PDC', edits: [{ range: { start: { line: 2, character: 4 }, end: { line: 2, character: 8 } }, newText: 'PDC' }] }],
        }],
      }],
    });
  });

  it('--fix applies certain fixes, writes the file, and a second run changes nothing', () => {
    const dir = workspace({ 'a.md': BAD });
    const r = cli(['--fix', 'a.md'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('The Pacific Data Council (PDC) met.\n\nThe PDC did not.\n');
    expect(r.out).toBe('0 problems (0 errors, 0 warnings, 0 info, 0 hints) in 1 file\n');
    const again = cli(['--fix', 'a.md'], dir);
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('The Pacific Data Council (PDC) met.\n\nThe PDC did not.\n');
    expect(readdirSync(dir).sort()).toEqual(['.git', 'a.md']);
  });

  it('exits 2 with a clear message on a missing file, an unknown option or no files, writing nothing', () => {
    const dir = workspace({ 'a.md': BAD });
    const missing = cli(['--fix', 'a.md', 'nope.md'], dir);
    expect(missing).toMatchObject({ code: 2, out: '', err: 'policy-lint: cannot read nope.md: no such file or folder\n' });
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(BAD);
    const unknown = cli(['--frobnicate', 'a.md'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^policy-lint: unknown option --frobnicate\n\nUsage: policy-lint/);
    expect(cli([], dir).err).toMatch(/^policy-lint: no files given/);
    expect(cli(['--format', 'xml', 'a.md'], dir).err).toMatch(/^policy-lint: unknown format "xml"/);
  });

  it('discovers .policylint.yaml; a broken one is reported with file:line and the defaults carry on', () => {
    const dir = workspace({ 'a.md': BAD, '.policylint.yaml': 'rules:\n  acronym/misspelled: error\n  acronym/bogus: off\n' });
    const r = cli(['a.md'], dir);
    expect(r.out.split('\n')[0]).toBe(`${join(dir, '.policylint.yaml')}:3:3  error  Unknown rule "acronym/bogus". Known rules: ${r.out.split('Known rules: ')[1].split('  config/invalid')[0]}  config/invalid`);
    expect(r.out.split('\n')[1]).toMatch(/^a\.md:3:5  error  “PDDC” is not a known acronym/);
    expect(r.code).toBe(1);
    const explicit = cli(['--config', 'none.yaml', 'a.md'], dir);
    expect(explicit).toMatchObject({ code: 2, err: 'policy-lint: cannot read none.yaml: no such file\n' });
    expect(existsSync(join(dir, 'none.yaml'))).toBe(false);
  });
});
