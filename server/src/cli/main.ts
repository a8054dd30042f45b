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
import { formatJson, formatText, type FileReport } from './format';
import { ignoredBy } from './glob';

const USAGE = `Usage: policy-lint [options] FILES|FOLDERS…

Checks Markdown policy papers for acronym, figure and citation problems.
Folders are searched for *.md files (node_modules and dot-folders are skipped).

Options:
  --format text|json   output format (default: text)
  --fix                apply certain fixes, write the files back, then report what remains
  --config FILE        use this config file instead of discovering .policylint.yaml|.yml|.json
  --no-color           no colours (also when NO_COLOR is set or output is not a terminal)
  -h, --help           show this help
  -v, --version        show the version

Exit status: 0 no error-severity problem, 1 at least one, 2 usage or I/O error.`;

/** Passes of analyse → apply certain fixes under --fix (fixes skipped for overlapping apply on the next pass). */
const MAX_FIX_PASSES = 10;
/** Bibliography files larger than this are not read (the core then skips key checks). */
const MAX_BIBLIOGRAPHY_BYTES = 8 * 1024 * 1024;

interface Options {
  format: 'text' | 'json';
  fix: boolean;
  config: string | undefined;
  color: boolean;
  inputs: string[];
}

/** Exit status 2 with a message; `usage` adds the usage text. */
class CliError extends Error {
  constructor(message: string, readonly usage = false) {
    super(message);
  }
}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const o: Options = { format: 'text', fix: false, config: undefined, color: true, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string): string => {
      if (a.startsWith(name + '=')) return a.slice(name.length + 1);
      const v = argv[++i];
      if (v === undefined || v === '') throw new CliError(`${name} needs a value`, true);
      return v;
    };
    if (a === '-h' || a === '--help') return 'help';
    if (a === '-v' || a === '--version') return 'version';
    if (a === '--fix') o.fix = true;
    else if (a === '--no-color') o.color = false;
    else if (a === '--format' || a.startsWith('--format=')) {
      const f = value('--format');
      if (f !== 'text' && f !== 'json') throw new CliError(`unknown format "${f}" (text or json)`, true);
      o.format = f;
    } else if (a === '--config' || a.startsWith('--config=')) o.config = value('--config');
    else if (a === '--') {
      o.inputs.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') throw new CliError(`unknown option ${a}`, true);
    else o.inputs.push(a);
  }
  if (!o.inputs.length) throw new CliError('no files given', true);
  return o;
}

function ioReason(e: unknown, folder = false): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return folder ? 'no such file or folder' : 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return (e as Error).message;
  }
}

/** Markdown files under the inputs, each once, in a stable order; folders are walked, skipping node_modules and dot-folders. */
function collectFiles(inputs: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = path.resolve(file);
    if (!seen.has(key)) seen.add(key), out.push(file);
  };
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      throw new CliError(`cannot read ${dir}: ${ioReason(e)}`);
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if ((entry.isFile() || entry.isSymbolicLink()) && /\.md$/i.test(entry.name)) add(p);
    }
  };
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (e) {
      throw new CliError(`cannot read ${input}: ${ioReason(e)}`);
    }
    if (stat.isDirectory()) walk(input);
    else add(input);
  }
  return out;
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

/** Writes through a temporary file in the same folder, then renames it over the original (keeping its mode). */
function writeAtomic(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.policy-lint.tmp`);
  try {
    const mode = fs.statSync(file).mode & 0o7777;
    fs.writeFileSync(tmp, text, { mode });
    fs.renameSync(tmp, file);
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

export function run(argv: string[], out: (s: string) => void, err: (s: string) => void, isTty: boolean): number {
  try {
    return check(argv, out, isTty);
  } catch (e) {
    if (e instanceof CliError) {
      err(`policy-lint: ${e.message}${e.usage ? `\n\n${USAGE}` : ''}`);
      return 2;
    }
    err(`policy-lint: internal error: ${(e as Error)?.stack ?? e}`);
    return 2;
  }
}

function check(argv: string[], out: (s: string) => void, isTty: boolean): number {
  const opts = parseArgs(argv);
  if (opts === 'help') return out(USAGE), 0;
  if (opts === 'version') return out(VERSION), 0;

  if (opts.config) {
    try {
      fs.readFileSync(opts.config);
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
      const workspace = loadWorkspaceSetup(configPath, (p) => fs.readFileSync(p, 'utf8'), rules);
      s = { workspace, config: resolveConfig(rules, workspace.config), root: configPath ? path.dirname(path.resolve(configPath)) : undefined };
      setups.set(key, s);
    }
    return s;
  };

  const files = collectFiles(opts.inputs).filter((f) => {
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
    if (opts.fix) {
      for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        const fixed = applyFixes(text, result.findings);
        if (fixed.applied === 0 || fixed.text === text) break;
        text = fixed.text;
        result = check(text);
      }
      if (text !== original) writes.push({ file, text });
    }
    reports.push({ path: file, lines: new LineIndex(text), findings: result.findings });
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
  const color = opts.color && isTty && !process.env.NO_COLOR;
  out(opts.format === 'json' ? formatJson(reports, problems) : formatText(reports, problems, color));
  // a broken config is reported as an error (config/invalid), so it fails the run like any other error
  const errors = problems.length > 0 || reports.some((r) => r.findings.some((f) => f.severity === 'error'));
  return errors ? 1 : 0;
}

function readBibliography(file: string): string | undefined {
  try {
    if (fs.statSync(file).size > MAX_BIBLIOGRAPHY_BYTES) return undefined;
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
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
