// The built CLI (bin/policy-lint.js → dist/cli.js, built by `npm test`) in CI use: globs, --max-warnings, --quiet,
// --fix-dry-run, --output-file, colours and every exit status, on temporary folders.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, LineIndex } from '../../server/src/core/index';

const BIN = join(__dirname, '..', '..', 'bin', 'policy-lint.js');
const T = 30_000;

/** Runs the CLI with stdout a pipe (not a terminal) and no colour variables unless given. */
function cli(args: string[], cwd: string, env: Record<string, string | undefined> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** One misspelled acronym (a warning with a certain fix): line 3, column 5. */
const MISSPELT = 'The Pacific Data Council (PDC) met.\n\nThe PDDC did not.\n';
const MISSPELT_FIXED = 'The Pacific Data Council (PDC) met.\n\nThe PDC did not.\n';
/** Two warnings: the misspelling (certain fix) and a second expansion of PDC (a suggestion only). */
const TWO_WARNINGS = 'The Pacific Data Council (PDC) met.\n\nThe PDDC did not.\n\nLater the Policy Design Committee (PDC) met.\n';
/** An error: the expansion does not fit the acronym (no fix). */
const WRONG = 'We asked the WXQ about it. The Western Quarry Board (WXQ) replied.\n';
/** Nothing to report. */
const CLEAN = 'The Pacific Data Council (PDC) met.\n\nThe PDC agreed.\n';

const message = (text: string, ruleId: string) => analyze(text).findings.find((f) => f.ruleId === ruleId)!.message;
const MISSPELT_MSG = message(MISSPELT, 'acronym/misspelled');
const WRONG_MSG = message(WRONG, 'acronym/wrong-expansion');
const summary = (problems: number, errors: number, warnings: number, files: number) =>
  `${problems} problem${problems === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, 0 info, 0 hints) in ${files} file${files === 1 ? '' : 's'}\n`;

/** A temporary project (with .git, so config discovery stops there) holding the given files. */
function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pl-cli-ci-'));
  mkdirSync(join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Every file below a folder with its bytes and mtime, to prove that nothing was written. */
function snapshot(dir: string): Record<string, { text: string; mtime: number }> {
  const out: Record<string, { text: string; mtime: number }> = {};
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p, r);
      else out[r] = { text: readFileSync(p, 'utf8'), mtime: statSync(p).mtimeMs };
    }
  };
  walk(dir, '');
  return out;
}

/** The paths in text output, in order. */
const pathsOf = (out: string) => out.split('\n').filter((l) => /\.md:\d+:\d+  /.test(l)).map((l) => l.slice(0, l.search(/:\d+:\d+  /)));

describe('policy-lint CLI: inputs', () => {
  const tree = {
    'papers/a.md': MISSPELT,
    'papers/2024/b.md': MISSPELT,
    'papers/2024/deep/c.md': MISSPELT,
    'papers/2024/notes.txt': MISSPELT,
    'papers/.drafts/d.md': MISSPELT,
    'papers/node_modules/e.md': MISSPELT,
    'other/f.md': MISSPELT,
    'README.md': MISSPELT,
  };

  it('expands quoted globs itself: ** spans folders, * stays in one, {a,b} and [..] work; only *.md files', () => {
    const dir = workspace(tree);
    expect(pathsOf(cli(['papers/**/*.md'], dir).out)).toEqual(['papers/2024/b.md', 'papers/2024/deep/c.md', 'papers/a.md']);
    expect(pathsOf(cli(['papers/*.md'], dir).out)).toEqual(['papers/a.md']);
    expect(pathsOf(cli(['papers/*/*.md'], dir).out)).toEqual(['papers/2024/b.md']);
    expect(pathsOf(cli(['{papers,other}/*.md'], dir).out)).toEqual(['other/f.md', 'papers/a.md']);
    expect(pathsOf(cli(['papers/2024/[bc].md', '*.md'], dir).out)).toEqual(['papers/2024/b.md', 'README.md']);
    expect(pathsOf(cli(['**/*.md'], dir).out)).toEqual(['README.md', 'other/f.md', 'papers/2024/b.md', 'papers/2024/deep/c.md', 'papers/a.md']);
    // a glob inside a dot-folder is walked when the folder is named
    expect(pathsOf(cli(['papers/.drafts/*.md'], dir).out)).toEqual(['papers/.drafts/d.md']);
  }, T);

  it('mixes files, folders and globs, checking each file once', () => {
    const dir = workspace(tree);
    const r = cli(['papers/a.md', 'papers', 'papers/**/*.md', 'other'], dir);
    expect(pathsOf(r.out)).toEqual(['papers/a.md', 'papers/2024/b.md', 'papers/2024/deep/c.md', 'other/f.md']);
    expect(r.out).toMatch(/in 4 files\n$/);
  }, T);

  it('takes an existing path with glob characters literally', () => {
    const dir = workspace({ 'papers/[draft] a.md': MISSPELT, 'papers/d.md': MISSPELT });
    expect(pathsOf(cli(['papers/[draft] a.md'], dir).out)).toEqual(['papers/[draft] a.md']);
  }, T);

  it('exits 2 on a glob that matches no file, unless --no-error-on-unmatched-pattern', () => {
    const dir = workspace(tree);
    expect(cli(['papers/**/*.markdown'], dir)).toEqual({ code: 2, out: '', err: 'policy-lint: no files match the pattern "papers/**/*.markdown"\n' });
    expect(cli(['nowhere/*.md'], dir)).toMatchObject({ code: 2, err: 'policy-lint: no files match the pattern "nowhere/*.md"\n' });
    expect(cli(['--no-error-on-unmatched-pattern', 'nowhere/*.md'], dir)).toEqual({ code: 0, out: summary(0, 0, 0, 0), err: '' });
  }, T);

  it('skips files matched by the ignore globs of their config file, relative to that file', () => {
    const dir = workspace({
      ...tree,
      'papers/.policylint.yaml': 'ignore:\n  - "2024/deep/**"\n  - a.md\n',
      // `a.md` in papers' config does not reach a file outside papers/
      'other/a.md': MISSPELT,
    });
    expect(pathsOf(cli(['**/*.md'], dir).out)).toEqual(['README.md', 'other/a.md', 'other/f.md', 'papers/2024/b.md']);
    // named explicitly, an ignored file is still skipped (the config decides)
    expect(cli(['papers/a.md'], dir)).toEqual({ code: 0, out: summary(0, 0, 0, 0), err: '' });
  }, T);
});

describe('policy-lint CLI: --max-warnings and --quiet', () => {
  it('exits 1 only when the warnings exceed N (as ESLint), saying so on stderr', () => {
    const dir = workspace({ 'paper.md': TWO_WARNINGS });
    const plain = cli(['paper.md'], dir);
    expect(plain.out).toMatch(/\n2 problems \(0 errors, 2 warnings, 0 info, 0 hints\) in 1 file\n$/);
    expect(plain.code).toBe(0);
    expect(cli(['--max-warnings', '3', 'paper.md'], dir)).toMatchObject({ code: 0, err: '' });
    expect(cli(['--max-warnings', '2', 'paper.md'], dir)).toMatchObject({ code: 0, err: '' });
    expect(cli(['--max-warnings=1', 'paper.md'], dir)).toMatchObject({ code: 1, out: plain.out, err: 'policy-lint: too many warnings (2; maximum: 1)\n' });
    expect(cli(['--max-warnings', '0', 'paper.md'], dir)).toMatchObject({ code: 1, err: 'policy-lint: too many warnings (2; maximum: 0)\n' });
    expect(cli(['--max-warnings', '-1', 'paper.md'], dir)).toMatchObject({ code: 0, err: '' });
    // JSON and SARIF stay clean on stdout: the message goes to stderr
    const json = cli(['--format', 'json', '--max-warnings', '0', 'paper.md'], dir);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out).files[0].diagnostics).toHaveLength(2);
  }, T);

  it('counts warnings only (not information or hints) and across files', () => {
    const dir = workspace({ 'a.md': MISSPELT, 'b.md': MISSPELT, 'c.md': CLEAN });
    expect(cli(['--max-warnings', '2', '.'], dir).code).toBe(0);
    expect(cli(['--max-warnings', '1', '.'], dir)).toMatchObject({ code: 1, err: 'policy-lint: too many warnings (2; maximum: 1)\n' });
    // a rule set to information no longer counts
    writeFileSync(join(dir, '.policylint.yaml'), 'rules:\n  acronym/misspelled: information\n');
    expect(cli(['--max-warnings', '0', '.'], dir)).toMatchObject({ code: 0, err: '' });
  }, T);

  it('rejects a --max-warnings that is not a whole number', () => {
    const dir = workspace({ 'paper.md': MISSPELT });
    for (const bad of ['x', '1.5', '-2', '']) {
      const r = cli(['--max-warnings', bad, 'paper.md'], dir);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(bad === '' ? /^policy-lint: --max-warnings needs a value\n\nUsage:/ : /^policy-lint: --max-warnings needs a whole number/);
    }
  }, T);

  it('--quiet reports errors only; hidden warnings still count for --max-warnings and do not change the exit status', () => {
    const dir = workspace({ 'a.md': MISSPELT, 'b.md': WRONG });
    expect(cli(['--quiet', 'a.md'], dir)).toEqual({ code: 0, out: summary(0, 0, 0, 1), err: '' });
    expect(cli(['--quiet', '.'], dir)).toEqual({ code: 1, out: `b.md:1:32  error  ${WRONG_MSG}  acronym/wrong-expansion\n${summary(1, 1, 0, 2)}`, err: '' });
    expect(cli(['--quiet', '--max-warnings', '0', 'a.md'], dir)).toEqual({ code: 1, out: summary(0, 0, 0, 1), err: 'policy-lint: too many warnings (1; maximum: 0)\n' });
    const json = JSON.parse(cli(['--quiet', '--format', 'json', '.'], dir).out);
    expect(json.files.map((f: { diagnostics: unknown[] }) => f.diagnostics.length)).toEqual([0, 1]);
  }, T);
});

describe('policy-lint CLI: --fix-dry-run', () => {
  it('prints the findings that would remain and a unified diff, and writes nothing', () => {
    const dir = workspace({ 'papers/a.md': TWO_WARNINGS, 'papers/clean.md': CLEAN });
    const before = snapshot(dir);
    const r = cli(['--fix-dry-run', 'papers'], dir);
    const fixed = TWO_WARNINGS.replace('PDDC', 'PDC');
    const remaining = analyze(fixed).findings;
    expect(remaining.map((f) => f.ruleId)).toEqual(['acronym/inconsistent-expansion']);
    const pos = new LineIndex(fixed).positionAt(remaining[0].range.start);
    expect(r.out).toBe(
      `papers/a.md:${pos.line + 1}:${pos.character + 1}  warning  ${remaining[0].message}  acronym/inconsistent-expansion\n` +
        '--- a/papers/a.md\n' +
        '+++ b/papers/a.md\n' +
        '@@ -1,5 +1,5 @@\n' +
        ' The Pacific Data Council (PDC) met.\n' +
        ' \n' +
        '-The PDDC did not.\n' +
        '+The PDC did not.\n' +
        ' \n' +
        ' Later the Policy Design Committee (PDC) met.\n' +
        '--fix-dry-run: --fix would apply 1 fix in 1 file; nothing was written\n' +
        summary(1, 0, 1, 2),
    );
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(snapshot(dir)).toEqual(before);
  }, T);

  it('with --format json adds each changed file\'s output (as ESLint), positions referring to it', () => {
    const dir = workspace({ 'a.md': MISSPELT, 'b.md': CLEAN });
    const before = snapshot(dir);
    const r = cli(['--fix-dry-run', '--format', 'json', '.'], dir);
    expect(JSON.parse(r.out)).toEqual({
      version: 1,
      files: [
        { path: 'a.md', diagnostics: [], output: MISSPELT_FIXED },
        { path: 'b.md', diagnostics: [] },
      ],
    });
    expect(r.code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
  }, T);

  it('exits by what would remain, and the diff matches what --fix then writes', () => {
    const text = WRONG + '\n' + MISSPELT;
    const dir = workspace({ 'p.md': text });
    const dry = cli(['--fix-dry-run', 'p.md'], dir);
    expect(dry.code).toBe(1);
    expect(dry.out).toContain('-The PDDC did not.\n+The PDC did not.\n');
    expect(readFileSync(join(dir, 'p.md'), 'utf8')).toBe(text);
    const json = JSON.parse(cli(['--fix-dry-run', '--format', 'json', 'p.md'], dir).out);
    expect(cli(['--fix', 'p.md'], dir).code).toBe(1);
    expect(readFileSync(join(dir, 'p.md'), 'utf8')).toBe(json.files[0].output);
    // nothing left to fix: no diff, no output field
    expect(cli(['--fix-dry-run', 'p.md'], dir).out).not.toContain('--- a/');
    expect(JSON.parse(cli(['--fix-dry-run', '--format', 'json', 'p.md'], dir).out).files[0]).not.toHaveProperty('output');
  }, T);

  it('refuses --fix together with --fix-dry-run, and --fix-dry-run with SARIF', () => {
    const dir = workspace({ 'a.md': MISSPELT });
    expect(cli(['--fix', '--fix-dry-run', 'a.md'], dir)).toMatchObject({ code: 2, out: '', err: expect.stringMatching(/^policy-lint: --fix and --fix-dry-run cannot be used together\n/) });
    expect(cli(['--fix-dry-run', '--format', 'sarif', 'a.md'], dir)).toMatchObject({ code: 2, out: '', err: expect.stringMatching(/^policy-lint: --fix-dry-run does not combine with --format sarif/) });
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(MISSPELT);
  }, T);
});

describe('policy-lint CLI: output and exit status', () => {
  it('every format for the same findings, with exit 0, 1 and 2', () => {
    const dir = workspace({ 'ok.md': MISSPELT, 'bad.md': WRONG });
    for (const format of ['text', 'json', 'sarif']) {
      const ok = cli(['--format', format, 'ok.md'], dir);
      expect([format, ok.code, ok.err]).toEqual([format, 0, '']);
      const bad = cli(['--format', format, 'bad.md'], dir);
      expect([format, bad.code, bad.err]).toEqual([format, 1, '']);
      const missing = cli(['--format', format, 'gone.md'], dir);
      expect([format, missing.code, missing.out, missing.err]).toEqual([format, 2, '', 'policy-lint: cannot read gone.md: no such file\n']);
    }
    expect(cli(['ok.md'], dir).out).toBe(`ok.md:3:5  warning  ${MISSPELT_MSG}  acronym/misspelled\n${summary(1, 0, 1, 1)}`);
    expect(JSON.parse(cli(['-f', 'json', 'bad.md'], dir).out).files[0].diagnostics[0].ruleId).toBe('acronym/wrong-expansion');
    const sarif = JSON.parse(cli(['--format=sarif', 'bad.md'], dir).out);
    expect(sarif.runs[0].results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level])).toEqual([['acronym/wrong-expansion', 'error']]);
  }, T);

  it('a broken config file exits 1 in every format', () => {
    const dir = workspace({ 'ok.md': CLEAN, '.policylint.yaml': 'rules:\n  acronym/nope: warning\n' });
    for (const format of ['text', 'json', 'sarif']) expect([format, cli(['--format', format, 'ok.md'], dir).code]).toEqual([format, 1]);
  }, T);

  it('--output-file writes the report there (creating its folder), not to stdout; the exit status is unchanged', () => {
    const dir = workspace({ 'bad.md': WRONG });
    const r = cli(['--format', 'sarif', '-o', 'reports/policy-lint.sarif', 'bad.md'], dir);
    expect(r).toEqual({ code: 1, out: '', err: '' });
    const log = JSON.parse(readFileSync(join(dir, 'reports', 'policy-lint.sarif'), 'utf8'));
    expect(log.version).toBe('2.1.0');
    expect(readdirSync(join(dir, 'reports'))).toEqual(['policy-lint.sarif']);
    cli(['--output-file', 'reports/policy-lint.sarif', 'bad.md'], dir);
    expect(readFileSync(join(dir, 'reports', 'policy-lint.sarif'), 'utf8')).toBe(`bad.md:1:32  error  ${WRONG_MSG}  acronym/wrong-expansion\n${summary(1, 1, 0, 1)}`);
  }, T);

  it.skipIf(process.getuid?.() === 0)('exits 2 when the output file cannot be written', () => {
    const dir = workspace({ 'ok.md': CLEAN, 'locked/.keep': '' });
    chmodSync(join(dir, 'locked'), 0o500);
    expect(cli(['-o', 'locked/out.txt', 'ok.md'], dir)).toEqual({ code: 2, out: '', err: 'policy-lint: cannot write locked/out.txt: permission denied\n' });
  }, T);

  it('exits 2 when the output file is a folder', () => {
    const dir = workspace({ 'ok.md': CLEAN, 'out/.keep': '' });
    const r = cli(['-o', 'out', 'ok.md'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^policy-lint: cannot write out: /);
    expect(existsSync(join(dir, 'out', '.keep'))).toBe(true);
  }, T);

  it('documents the formats, flags and exit codes in --help', () => {
    const dir = workspace({});
    const help = cli(['--help'], dir);
    expect(help.code).toBe(0);
    for (const flag of ['--format text|json|sarif', '--max-warnings N', '--fix-dry-run', '--quiet', '--color', '--output-file FILE', 'Exit status:']) {
      expect(help.out).toContain(flag);
    }
    expect(help.out).toMatch(/^ {2}0 {2}.*\n {2}1 {2}.*\n {2}2 {2}.*$/m);
  }, T);
});

describe('policy-lint CLI: colours', () => {
  const dir = workspace({ 'a.md': MISSPELT });
  const coloured = (out: string) => out.includes('\x1b[33mwarning\x1b[0m');

  it('are off on a pipe, on with --color or FORCE_COLOR, and --no-color or NO_COLOR win over the terminal test', () => {
    expect(coloured(cli(['a.md'], dir).out)).toBe(false);
    expect(coloured(cli(['--color', 'a.md'], dir).out)).toBe(true);
    expect(coloured(cli(['a.md'], dir, { FORCE_COLOR: '1' }).out)).toBe(true);
    expect(coloured(cli(['a.md'], dir, { FORCE_COLOR: '0' }).out)).toBe(false);
    expect(coloured(cli(['a.md'], dir, { NO_COLOR: '1' }).out)).toBe(false);
    expect(coloured(cli(['--color', 'a.md'], dir, { NO_COLOR: '1' }).out)).toBe(true);
    expect(coloured(cli(['--no-color', 'a.md'], dir, { FORCE_COLOR: '1' }).out)).toBe(false);
    // the last of --color / --no-color wins
    expect(coloured(cli(['--no-color', '--color', 'a.md'], dir).out)).toBe(true);
  }, T);

  it('never colour JSON or SARIF, and colour the dry-run diff', () => {
    expect(cli(['--color', '--format', 'json', 'a.md'], dir).out).not.toContain('\x1b[');
    expect(cli(['--color', '--format', 'sarif', 'a.md'], dir).out).not.toContain('\x1b[');
    const dry = cli(['--color', '--fix-dry-run', 'a.md'], dir).out;
    expect(dry).toContain('\x1b[31m-The PDDC did not.\x1b[0m\n\x1b[32m+The PDC did not.\x1b[0m\n');
  }, T);
});
