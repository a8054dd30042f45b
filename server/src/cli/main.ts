// policy-lint: the command-line checker. A thin adapter over the analysis core.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  analyze,
  applyFixes,
  CONFIG_FILE_NAMES,
  LineIndex,
  loadWorkspaceSetup,
  resolveConfig,
  rules,
  type Finding,
  type WorkspaceSetup,
} from '../core/index';
import { formatJson, formatText, type FileReport } from './format';

const VERSION = '0.1.0';
const USAGE = `Usage: policy-lint [options] FILES|FOLDERS…

Checks Markdown policy papers for acronym problems (and more).

Options:
  --format text|json   output format (default: text)
  --fix                apply certain fixes and write the files back
  --config FILE        use this config file instead of discovering .policylint.yaml|.yml|.json
  --no-color           no colours (also when NO_COLOR is set or output is not a terminal)
  -h, --help           show this help
  -v, --version        show the version

Exit status: 0 no error-severity finding, 1 at least one, 2 usage or I/O error.`;

interface Options {
  format: 'text' | 'json';
  fix: boolean;
  config: string | undefined;
  color: boolean;
  inputs: string[];
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const o: Options = { format: 'text', fix: false, config: undefined, color: true, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === '-h' || a === '--help') return 'help';
    if (a === '-v' || a === '--version') return 'version';
    if (a === '--fix') o.fix = true;
    else if (a === '--no-color') o.color = false;
    else if (a === '--format' || a.startsWith('--format=')) {
      const f = value('--format');
      if (f !== 'text' && f !== 'json') throw new UsageError(`unknown format "${f}" (text or json)`);
      o.format = f;
    } else if (a === '--config' || a.startsWith('--config=')) o.config = value('--config');
    else if (a === '--') o.inputs.push(...argv.slice(i + 1)), (i = argv.length);
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else o.inputs.push(a);
  }
  if (!o.inputs.length) throw new UsageError('no files given');
  return o;
}

/** Markdown files under the inputs; folders are walked, skipping node_modules and dot-folders. */
function collectFiles(inputs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.(md|markdown)$/i.test(entry.name)) out.push(p);
    }
  };
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      throw new IoError(`cannot read ${input}: no such file or folder`);
    }
    if (stat.isDirectory()) walk(input);
    else out.push(input);
  }
  return out;
}

class IoError extends Error {}

/** The nearest config file above a file, stopping at a folder that holds .git. */
function discoverConfig(file: string): string | undefined {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) return candidate;
    }
    if (fs.existsSync(path.join(dir, '.git'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function writeAtomic(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.policy-lint-${process.pid}.tmp`);
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

export function run(argv: string[], out: (s: string) => void, err: (s: string) => void, isTty: boolean): number {
  let options: Options | 'help' | 'version';
  try {
    options = parseArgs(argv);
  } catch (e) {
    err(`policy-lint: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') return out(USAGE), 0;
  if (options === 'version') return out(VERSION), 0;
  const opts = options;
  let files: string[];
  try {
    files = collectFiles(opts.inputs);
  } catch (e) {
    err(`policy-lint: ${(e as Error).message}`);
    return 2;
  }
  // read everything first: an unreadable file stops the run before anything is written
  const texts = new Map<string, string>();
  for (const f of files) {
    try {
      texts.set(f, fs.readFileSync(f, 'utf8'));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      err(`policy-lint: cannot read ${f}: ${code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message}`);
      return 2;
    }
  }
  if (opts.config && !fs.existsSync(opts.config)) {
    err(`policy-lint: cannot read ${opts.config}: no such file`);
    return 2;
  }
  const setups = new Map<string, WorkspaceSetup>();
  const setupFor = (file: string): WorkspaceSetup => {
    const configPath = opts.config ?? discoverConfig(file);
    const key = configPath ?? '';
    let s = setups.get(key);
    if (!s) {
      s = loadWorkspaceSetup(configPath, (p) => fs.readFileSync(p, 'utf8'), rules);
      setups.set(key, s);
    }
    return s;
  };
  const reports: FileReport[] = [];
  for (const file of files) {
    const setup = setupFor(file);
    const config = resolveConfig(rules, setup.config);
    let text = texts.get(file)!;
    let findings: Finding[] = analyze(text, { config, kb: setup.kb }).findings;
    if (opts.fix) {
      const original = text;
      for (let pass = 0; pass < 10; pass++) {
        const fixed = applyFixes(text, findings);
        if (fixed.applied === 0) break;
        text = fixed.text;
        findings = analyze(text, { config, kb: setup.kb }).findings;
      }
      if (text !== original) {
        try {
          writeAtomic(file, text);
        } catch (e) {
          err(`policy-lint: cannot write ${file}: ${(e as Error).message}`);
          return 2;
        }
      }
    }
    reports.push({ path: file, lines: new LineIndex(text), findings });
  }
  const configProblems = [...setups.values()].flatMap((s) => s.problems);
  const color = opts.color && isTty && !process.env.NO_COLOR;
  out(opts.format === 'json' ? formatJson(reports, configProblems) : formatText(reports, configProblems, color));
  const errors = reports.some((r) => r.findings.some((f) => f.severity === 'error'));
  return errors ? 1 : 0;
}

/** Runs the CLI on process.argv and sets the exit code. */
export function main(): void {
  const code = run(process.argv.slice(2), (s) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'), (s) => process.stderr.write(s + '\n'), !!process.stdout.isTTY);
  process.exitCode = code;
}

if (require.main === module) main();
