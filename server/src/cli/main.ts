// policy-lint: the command-line checker. A thin adapter over the analysis core.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { version as VERSION } from '../../../package.json';
import {
  analyze,
  applyFixes,
  CONFIG_FILE_NAMES,
  LineIndex,
  loadWorkspaceSetup,
  resolveConfig,
  rules,
  type AnalysisResult,
  type FileProblem,
  type ResolvedConfig,
  type WorkspaceSetup,
} from '../core/index';
import { reason } from '../core/workspace';
import { readUserFile } from '../server/workspaceFiles';
import { collectFiles, InputError, ioReason } from './files';
import { formatJson, formatText, type FileReport } from './format';
import { ignoredBy } from './glob';
import { formatSarif } from './sarif';

const USAGE = `Usage: policy-lint [options] FILES|FOLDERS…

Checks Markdown policy papers for acronym, figure and citation problems.
Each input is a file, a folder (searched for *.md files, skipping node_modules and
dot-folders) or a glob such as "papers/**/*.md" (quoted, so that policy-lint expands it,
not the shell). Files matching the "ignore" globs of their config file are skipped.

Output:
  -f, --format text|json|sarif  output format (default: text); sarif is SARIF 2.1.0 for code scanning
  -o, --output-file FILE        write the report to FILE instead of standard output
  --quiet                       report errors only (warnings still count for --max-warnings)
  --max-warnings N              exit 1 when there are more than N warnings (default: no limit)

Fixing:
  --fix                         apply certain fixes, write the files back, then report what remains
  --fix-dry-run                 show what --fix would change (a diff; with --format json each changed
                                file's "output") and the problems that would remain; write nothing

Configuration:
  -c, --config FILE             use this config file instead of discovering .policylint.yaml|.yml|.json
                                (looked for from each file's folder up to a folder holding .git)
  --no-error-on-unmatched-pattern
                                a glob that matches no file is not an error

Colours (text format):
  --color, --no-color           force colours on or off; by default they are used on a terminal only,
                                never when NO_COLOR is set; FORCE_COLOR=1 (or 0) overrides the test

  -h, --help                    show this help
  -v, --version                 show the version

Exit status:
  0  no error-severity problem, and no more warnings than --max-warnings allows
  1  at least one error-severity problem (a broken config file counts), or too many warnings
  2  usage error, unreadable file or folder, glob matching no file, unwritable file, internal error`;

/** Passes of analyse → apply certain fixes under --fix (fixes skipped for overlapping apply on the next pass). */
const MAX_FIX_PASSES = 10;

type Format = 'text' | 'json' | 'sarif';
const FORMATS: readonly Format[] = ['text', 'json', 'sarif'];

interface Options {
  format: Format;
  fix: boolean;
  fixDryRun: boolean;
  config: string | undefined;
  /** --color (true) or --no-color (false); undefined: decided by the environment. */
  color: boolean | undefined;
  quiet: boolean;
  /** Undefined: no limit. */
  maxWarnings: number | undefined;
  outputFile: string | undefined;
  errorOnUnmatchedPattern: boolean;
  inputs: string[];
}

/** Exit status 2 with a message; `usage` adds the usage text. */
class CliError extends Error {
  constructor(message: string, readonly usage = false) {
    super(message);
  }
}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const o: Options = {
    format: 'text',
    fix: false,
    fixDryRun: false,
    config: undefined,
    color: undefined,
    quiet: false,
    maxWarnings: undefined,
    outputFile: undefined,
    errorOnUnmatchedPattern: true,
    inputs: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const is = (...names: string[]) => names.some((n) => a === n || (n.startsWith('--') && a.startsWith(n + '=')));
    const value = (name: string): string => {
      const eq = a.indexOf('=');
      if (a.startsWith('--') && eq > 0) {
        const v = a.slice(eq + 1);
        if (v === '') throw new CliError(`${name} needs a value`, true);
        return v;
      }
      const v = argv[++i];
      if (v === undefined || v === '') throw new CliError(`${name} needs a value`, true);
      return v;
    };
    if (a === '-h' || a === '--help') return 'help';
    if (a === '-v' || a === '--version') return 'version';
    if (a === '--fix') o.fix = true;
    else if (a === '--fix-dry-run') o.fixDryRun = true;
    else if (a === '--no-color') o.color = false;
    else if (a === '--color') o.color = true;
    else if (a === '--quiet') o.quiet = true;
    else if (a === '--no-error-on-unmatched-pattern') o.errorOnUnmatchedPattern = false;
    else if (is('-f', '--format')) {
      const f = value('--format');
      if (!(FORMATS as readonly string[]).includes(f)) throw new CliError(`unknown format "${f}" (text, json or sarif)`, true);
      o.format = f as Format;
    } else if (is('--max-warnings')) {
      const v = value('--max-warnings');
      if (!/^(?:\d+|-1)$/.test(v)) throw new CliError(`--max-warnings needs a whole number of 0 or more (or -1 for no limit), not "${v}"`, true);
      const n = Number(v);
      o.maxWarnings = n < 0 ? undefined : n;
    } else if (is('-c', '--config')) o.config = value('--config');
    else if (is('-o', '--output-file')) o.outputFile = value('--output-file');
    else if (a === '--') {
      o.inputs.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') throw new CliError(`unknown option ${a}`, true);
    else o.inputs.push(a);
  }
  if (o.fix && o.fixDryRun) throw new CliError('--fix and --fix-dry-run cannot be used together', true);
  if (o.fixDryRun && o.format === 'sarif') {
    throw new CliError('--fix-dry-run does not combine with --format sarif (SARIF results already carry their fixes)', true);
  }
  if (!o.inputs.length) throw new CliError('no files given', true);
  return o;
}

/**
 * Colours: --color / --no-color first; then FORCE_COLOR (set: on, unless "0" or "false", as in Node);
 * then NO_COLOR (set and not empty: off); else only when the output is a terminal.
 */
export function useColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTty: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  return isTty;
}

/** The nearest config file at or above a file's folder, stopping at a folder that holds .git. */
function discoverConfig(file: string): string | undefined {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (isFile(candidate)) return candidate;
    }
    if (fs.existsSync(path.join(dir, '.git'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** A config path as shown to the user: relative to the working folder when inside it. */
function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

/**
 * Writes through a temporary file in the same folder, then renames it over the original, so a reader never sees
 * half a file. An existing file keeps its mode, and a symbolic link is written through to its target.
 */
function writeAtomic(file: string, text: string): void {
  let target = file;
  let mode: number | undefined;
  try {
    target = fs.realpathSync(file);
    mode = fs.statSync(target).mode & 0o7777;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.policy-lint.tmp`);
  try {
    fs.writeFileSync(tmp, text);
    if (mode !== undefined) fs.chmodSync(tmp, mode);
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

interface Setup {
  workspace: WorkspaceSetup;
  config: ResolvedConfig;
  /** Folder the config's `ignore` globs are relative to. */
  root: string | undefined;
}

/** Runs the CLI: returns the exit status (0 clean, 1 errors or too many warnings, 2 usage or I/O error). */
export function run(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  isTty: boolean,
  env: NodeJS.ProcessEnv = process.env,
): number {
  try {
    return check(argv, out, err, isTty, env);
  } catch (e) {
    if (e instanceof CliError || e instanceof InputError) {
      err(`policy-lint: ${e.message}${e instanceof CliError && e.usage ? `\n\n${USAGE}` : ''}`);
      return 2;
    }
    err(`policy-lint: internal error: ${(e as Error)?.stack ?? e}`);
    return 2;
  }
}

function check(argv: string[], out: (s: string) => void, err: (s: string) => void, isTty: boolean, env: NodeJS.ProcessEnv): number {
  const opts = parseArgs(argv);
  if (opts === 'help') return out(USAGE), 0;
  if (opts === 'version') return out(VERSION), 0;

  if (opts.config) {
    try {
      // opened, not read: a config over the size limit is reported (config/invalid) like any other broken config
      const fd = fs.openSync(opts.config, 'r');
      const isDir = fs.fstatSync(fd).isDirectory();
      fs.closeSync(fd);
      if (isDir) throw Object.assign(new Error('it is a folder'), { code: 'EISDIR' });
    } catch (e) {
      throw new CliError(`cannot read ${opts.config}: ${ioReason(e)}`);
    }
  }
  const setups = new Map<string, Setup>();
  const setupFor = (file: string): Setup => {
    const configPath = opts.config ?? discoverConfig(file);
    const key = configPath ? path.resolve(configPath) : '';
    let s = setups.get(key);
    if (!s) {
      // the CLI reads what the user names (no workspace-trust policy), within the size limit
      const workspace = loadWorkspaceSetup(configPath, (p) => readUserFile(p), rules);
      s = { workspace, config: resolveConfig(rules, workspace.config), root: configPath ? path.dirname(path.resolve(configPath)) : undefined };
      setups.set(key, s);
    }
    return s;
  };

  const files = collectFiles(opts.inputs, { errorOnUnmatchedPattern: opts.errorOnUnmatchedPattern }).filter((f) => {
    const s = setupFor(f);
    return !(s.root && ignoredBy(s.workspace.config.ignore ?? [], path.relative(s.root, path.resolve(f))));
  });

  // read everything first: an unreadable file stops the run before anything is written
  const texts = new Map<string, string>();
  for (const f of files) {
    try {
      texts.set(f, fs.readFileSync(f, 'utf8'));
    } catch (e) {
      throw new CliError(`cannot read ${f}: ${ioReason(e)}`);
    }
  }

  const fixing = opts.fix || opts.fixDryRun;
  const reports: FileReport[] = [];
  const writes: { file: string; text: string }[] = [];
  for (const file of files) {
    const { workspace, config } = setupFor(file);
    const dir = path.dirname(path.resolve(file));
    const check = (text: string): AnalysisResult =>
      analyze(text, { config, kb: workspace.kb, readBibliography: (p) => readBibliography(path.resolve(dir, p)) });
    const original = texts.get(file)!;
    let text = original;
    let result = check(text);
    let fixes = 0;
    if (fixing) {
      for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        const fixed = applyFixes(text, result.findings);
        if (fixed.applied === 0 || fixed.text === text) break;
        text = fixed.text;
        fixes += fixed.applied;
        result = check(text);
      }
      if (opts.fix && text !== original) writes.push({ file, text });
    }
    reports.push({
      path: file,
      lines: new LineIndex(text),
      findings: result.findings,
      ...(opts.fixDryRun && text !== original ? { dryRun: { source: original, output: text, fixes } } : {}),
    });
  }
  for (const w of writes) {
    try {
      writeAtomic(w.file, w.text);
    } catch (e) {
      throw new CliError(`cannot write ${w.file}: ${ioReason(e)}`);
    }
  }

  const problems: FileProblem[] = [];
  const seenProblem = new Set<string>();
  for (const s of setups.values()) {
    for (const p of s.workspace.problems) {
      const shown = { ...p, file: p.file === opts.config ? p.file : displayPath(p.file) };
      const key = `${shown.file}:${p.line}:${p.column}:${p.message}`;
      if (!seenProblem.has(key)) seenProblem.add(key), problems.push(shown);
    }
  }

  // the exit status counts every finding; --quiet only hides what is not an error
  const all = reports.flatMap((r) => r.findings);
  const errors = problems.length + all.filter((f) => f.severity === 'error').length;
  const warnings = all.filter((f) => f.severity === 'warning').length;
  const shown = opts.quiet ? reports.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })) : reports;

  const color = opts.outputFile ? opts.color === true : useColor(opts.color, env, isTty);
  const report =
    opts.format === 'json'
      ? formatJson(shown, problems)
      : opts.format === 'sarif'
        ? formatSarif(shown, problems, { registry: rules, version: VERSION, cwd: process.cwd() })
        : formatText(shown, problems, color);
  if (opts.outputFile) {
    try {
      fs.mkdirSync(path.dirname(path.resolve(opts.outputFile)), { recursive: true });
      writeAtomic(opts.outputFile, report);
    } catch (e) {
      throw new CliError(`cannot write ${opts.outputFile}: ${ioReason(e, true)}`);
    }
  } else {
    out(report);
  }

  // a broken config is reported as an error (config/invalid), so it fails the run like any other error
  const tooManyWarnings = opts.maxWarnings !== undefined && warnings > opts.maxWarnings;
  if (tooManyWarnings) err(`policy-lint: too many warnings (${warnings}; maximum: ${opts.maxWarnings})`);
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

/** Reads a bibliography within the size limit; throws a readable reason, shown by citation/bibliography-error. */
function readBibliography(file: string): string | undefined {
  try {
    return readUserFile(file);
  } catch (e) {
    throw new Error(reason(e));
  }
}

/** Runs the CLI on process.argv and sets the exit code. */
export function main(): void {
  // `policy-lint … | head` closes stdout early: stop quietly instead of crashing on EPIPE
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  process.exitCode = run(
    process.argv.slice(2),
    (s) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'),
    (s) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'),
    !!process.stdout.isTTY,
  );
}

if (require.main === module) main();
