// The built CLI (bin/policy-lint.js → dist/cli.js, built by `npm test`) as a child process on temporary folders.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, LineIndex } from '../../server/src/core/index';

const BIN = join(__dirname, '..', '..', 'bin', 'policy-lint.js');
const T = 30_000;
const pkgVersion = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).version as string;

function cli(args: string[], cwd: string, env: Record<string, string | undefined> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: undefined, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The brief's fixture: `IPPEF` on line 4 (1-based), column 36, is a misspelling of IPEF with a certain fix. */
const PAPER = [
  '# Trade notes',
  '',
  'The Indo-Pacific Economic Framework (IPEF) was launched in 2022.',
  'IPEF members met in Singapore; the IPPEF supply-chain pillar was signed.',
  '',
].join('\n');
const FIXED = PAPER.replace('IPPEF', 'IPEF');
/** The core's message for the misspelling (the CLI's job is to print it, not to word it). */
const MESSAGE = analyze(PAPER).findings.find((f) => f.ruleId === 'acronym/misspelled')!.message;

/** A temporary project (with .git, so config discovery stops there) holding the given files. */
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
  it('prints path:line:col  severity  message  ruleId (1-based), then the summary; exit 0 without errors', () => {
    const dir = workspace({ 'paper.md': PAPER });
    const r = cli(['paper.md'], dir);
    expect(MESSAGE).toMatch(/^\W?IPPEF\b/);
    expect(r.out).toBe(`paper.md:4:36  warning  ${MESSAGE}  acronym/misspelled\n1 problem (0 errors, 1 warning, 0 info, 0 hints) in 1 file\n`);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  }, T);

  it('walks folders for *.md files, skipping node_modules and dot-folders', () => {
    const dir = workspace({ 'docs/b.md': PAPER, 'docs/sub/c.md': FIXED, 'docs/notes.txt': PAPER, 'node_modules/x/x.md': PAPER, '.cache/y.md': PAPER });
    const r = cli(['.', 'docs/b.md'], dir);
    expect(r.out).toBe(`docs/b.md:4:36  warning  ${MESSAGE}  acronym/misspelled\n1 problem (0 errors, 1 warning, 0 info, 0 hints) in 2 files\n`);
    expect(r.code).toBe(0);
  }, T);

  it('exits 1 when a finding has error severity (here from a discovered .policylint.yaml)', () => {
    const dir = workspace({ 'a/paper.md': PAPER, '.policylint.yaml': 'rules:\n  acronym/misspelled: error\n' });
    const r = cli(['a/paper.md'], dir);
    expect(r.out).toBe(`a/paper.md:4:36  error  ${MESSAGE}  acronym/misspelled\n1 problem (1 error, 0 warnings, 0 info, 0 hints) in 1 file\n`);
    expect(r.code).toBe(1);
  }, T);

  it('writes exactly the JSON shape, with 0-based lines and UTF-16 characters as in LSP', () => {
    const text = '# Notes 🌏\n\nThe Indo-Pacific Economic Framework (IPEF) 🌏 launched; the 🌏 IPPEF pillar followed.\n';
    const dir = workspace({ 'paper.md': text });
    const r = cli(['--format', 'json', 'paper.md'], dir);
    const findings = analyze(text).findings;
    const lines = new LineIndex(text);
    expect(JSON.parse(r.out)).toEqual({
      version: 1,
      files: [{
        path: 'paper.md',
        diagnostics: findings.map((f) => ({
          ruleId: f.ruleId,
          severity: f.severity,
          message: f.message,
          range: lines.range(f.range),
          related: f.related.map((x) => ({ range: lines.range(x.range), message: x.message })),
          fixes: f.fixes.map((x) => ({ title: x.title, edits: x.edits.map((e) => ({ range: lines.range(e.range), newText: e.newText })) })),
        })),
      }],
    });
    const d = JSON.parse(r.out).files[0].diagnostics.find((x: { ruleId: string }) => x.ruleId === 'acronym/misspelled');
    // "the 🌏 " before IPPEF: the emoji is two UTF-16 code units
    const col = text.split('\n')[2].indexOf('IPPEF');
    expect(d.range).toEqual({ start: { line: 2, character: col }, end: { line: 2, character: col + 5 } });
    expect(d.fixes).toEqual([{ title: expect.any(String), edits: [{ range: d.range, newText: 'IPEF' }] }]);
    expect(r.out.endsWith('\n')).toBe(true);
    expect(r.code).toBe(0);
  }, T);

  it('--fix applies the certain fixes, writes the file atomically, reports what remains; a second run changes nothing', () => {
    const dir = workspace({ 'paper.md': PAPER, 'clean.md': FIXED });
    chmodSync(join(dir, 'paper.md'), 0o640);
    const cleanBefore = statSync(join(dir, 'clean.md')).mtimeMs;
    const r = cli(['--fix', '.'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'paper.md'), 'utf8')).toBe(FIXED);
    expect(r.out).toBe('0 problems (0 errors, 0 warnings, 0 info, 0 hints) in 2 files\n');
    expect(statSync(join(dir, 'paper.md')).mode & 0o777).toBe(0o640);
    expect(statSync(join(dir, 'clean.md')).mtimeMs).toBe(cleanBefore);
    expect(readdirSync(dir).sort()).toEqual(['.git', 'clean.md', 'paper.md']);

    const before = statSync(join(dir, 'paper.md'));
    const again = cli(['--fix', '--format', 'json', '.'], dir);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toEqual({ version: 1, files: [{ path: 'clean.md', diagnostics: [] }, { path: 'paper.md', diagnostics: [] }] });
    expect(readFileSync(join(dir, 'paper.md'), 'utf8')).toBe(FIXED);
    expect(statSync(join(dir, 'paper.md')).ino).toBe(before.ino);
    expect(readdirSync(dir).sort()).toEqual(['.git', 'clean.md', 'paper.md']);
  }, T);

  it('exits 2 on a missing file with a message naming it, writing nothing (not even the other files)', () => {
    const dir = workspace({ 'paper.md': PAPER });
    const r = cli(['--fix', 'paper.md', 'examples/nope.md'], dir);
    expect(r).toEqual({ code: 2, out: '', err: 'policy-lint: cannot read examples/nope.md: no such file\n' });
    expect(readFileSync(join(dir, 'paper.md'), 'utf8')).toBe(PAPER);
    expect(readdirSync(dir).sort()).toEqual(['.git', 'paper.md']);
  }, T);

  it('exits 2 with the usage on an unknown option, a bad format or no files; --help and --version exit 0', () => {
    const dir = workspace({ 'paper.md': PAPER });
    const unknown = cli(['--frobnicate', 'paper.md'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.out).toBe('');
    expect(unknown.err).toMatch(/^policy-lint: unknown option --frobnicate\n\nUsage: policy-lint /);
    expect(cli([], dir)).toMatchObject({ code: 2, out: '', err: expect.stringMatching(/^policy-lint: no files given\n\nUsage:/) });
    expect(cli(['--format', 'xml', 'paper.md'], dir)).toMatchObject({ code: 2, err: expect.stringMatching(/^policy-lint: unknown format "xml"/) });
    expect(cli(['paper.md', '--format'], dir)).toMatchObject({ code: 2, err: expect.stringMatching(/^policy-lint: --format needs a value/) });
    const help = cli(['--help'], dir);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: policy-lint \[options\] FILES\|FOLDERS…/);
    expect(help.out).toMatch(/--format text\|json[\s\S]*--fix[\s\S]*--config FILE[\s\S]*--no-color/);
    expect(cli(['--version'], dir)).toEqual({ code: 0, out: `${pkgVersion}\n`, err: '' });
  }, T);

  it('reports a broken discovered config as FILE:line:col  error  message  config/invalid, counts it, and carries on', () => {
    const dir = workspace({ 'paper.md': PAPER, '.policylint.yaml': 'rules:\n  acronym/misspelled: error\n  acronym/bogus: off\n' });
    const r = cli(['paper.md'], dir);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^\.policylint\.yaml:3:3  error  .*acronym\/bogus.*  config\/invalid$/);
    expect(lines[1]).toBe(`paper.md:4:36  error  ${MESSAGE}  acronym/misspelled`);
    expect(lines[2]).toBe('2 problems (2 errors, 0 warnings, 0 info, 0 hints) in 1 file');
    expect(r.code).toBe(1);

    const json = JSON.parse(cli(['--format', 'json', 'paper.md'], dir).out);
    expect(json.files.map((f: { path: string }) => f.path)).toEqual(['.policylint.yaml', 'paper.md']);
    expect(json.files[0].diagnostics).toEqual([
      { ruleId: 'config/invalid', severity: 'error', message: expect.stringContaining('acronym/bogus'), range: { start: { line: 2, character: 2 }, end: { line: 2, character: 2 } }, related: [], fixes: [] },
    ]);
  }, T);

  it('--config FILE is used instead of discovery; its problems are printed with that path; a missing one exits 2', () => {
    const dir = workspace({ 'paper.md': PAPER, '.policylint.yaml': 'rules:\n  acronym/misspelled: error\n', 'cfg/strict.yml': 'rules:\n  acronym/misspelled: hint\nfrobs: 1\n' });
    const r = cli(['--config', 'cfg/strict.yml', 'paper.md'], dir);
    expect(r.out.split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(/^cfg\/strict\.yml:3:1  error  .*frobs.*  config\/invalid$/),
      `paper.md:4:36  hint  ${MESSAGE}  acronym/misspelled`,
    ]);
    expect(r.code).toBe(1);
    const missing = cli(['--config=none.yaml', 'paper.md'], dir);
    expect(missing).toEqual({ code: 2, out: '', err: 'policy-lint: cannot read none.yaml: no such file\n' });
  }, T);

  it('skips files matched by the config\'s ignore globs', () => {
    const dir = workspace({ 'paper.md': PAPER, 'drafts/x.md': PAPER, 'notes/old.draft.md': PAPER, '.policylint.yaml': 'ignore:\n  - drafts/\n  - "*.draft.md"\n' });
    const r = cli(['.'], dir);
    expect(r.out).toBe(`paper.md:4:36  warning  ${MESSAGE}  acronym/misspelled\n1 problem (0 errors, 1 warning, 0 info, 0 hints) in 1 file\n`);
  }, T);

  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('colours the severity only on a terminal, unless --no-color or NO_COLOR', () => {
    const dir = workspace({ 'paper.md': PAPER });
    const onTty = (args: string, env: Record<string, string | undefined> = {}) =>
      spawnSync('script', ['-qec', `"${process.execPath}" "${BIN}" ${args}`, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: undefined, ...env } }).stdout;
    expect(onTty('paper.md')).toContain('\x1b[33mwarning\x1b[0m');
    expect(onTty('--no-color paper.md')).not.toContain('\x1b[');
    expect(onTty('paper.md', { NO_COLOR: '1' })).not.toContain('\x1b[');
    expect(cli(['paper.md'], dir).out).not.toContain('\x1b[');
  }, T);
});
