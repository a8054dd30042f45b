import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnalysisResult } from '../core/index';
import { decodeUserFile, MAX_USER_FILE_BYTES, ReadRefused, reason, sizeProblem } from '../core/workspace';

// ---- workspace trust ----------------------------------------------------------------------------------------

/**
 * `policyLint/workspaceTrust` (client → server notification): the workspace's trust changed (VS Code's
 * `onDidGrantWorkspaceTrust`). The initial state comes in `initializationOptions.workspaceTrusted`.
 */
export const WORKSPACE_TRUST_NOTIFICATION = 'policyLint/workspaceTrust';

export interface WorkspaceTrustParams {
  trusted: boolean;
}

/**
 * Whether the workspace is trusted, from the client's `initializationOptions` (`{ workspaceTrusted: boolean }`).
 * Clients that say nothing (Neovim, Emacs, Helix: editors without workspace trust) are trusted: the user started
 * the server on their own files.
 */
export function trustedFromInitializationOptions(options: unknown): boolean {
  const v = (options as { workspaceTrusted?: unknown } | null | undefined)?.workspaceTrusted;
  return v !== false;
}

/** Resolves symbolic links; injectable so that the policy can be tested without a file system. */
export type RealPath = (file: string) => string;

const defaultRealPath: RealPath = (file) => fs.realpathSync.native(file);

/**
 * The real path of `file`: symbolic links resolved in every component. For a file that does not exist (yet), the
 * deepest existing folder is resolved and the rest appended, so that a missing file inside the workspace is
 * reported as missing, not as outside.
 */
export function realPathOf(file: string, realpath: RealPath = defaultRealPath): string {
  let abs = path.resolve(file);
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(realpath(abs), ...rest.reverse());
    } catch {
      const parent = path.dirname(abs);
      if (parent === abs) return path.resolve(file);
      rest.push(path.basename(abs));
      abs = parent;
    }
  }
}

function isInside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/**
 * The policy for every file the server reads besides the open documents (config, glossaries, bibliographies,
 * papers on disk): in a trusted workspace, any file; in an untrusted one, only files whose real path (symbolic
 * links resolved) is inside the real path of a workspace folder. Without a workspace folder, an untrusted
 * workspace reads nothing.
 */
export function isReadAllowed(file: string, workspaceRoots: readonly (string | undefined)[], trusted: boolean, realpath: RealPath = defaultRealPath): boolean {
  if (trusted) return true;
  const real = realPathOf(file, realpath);
  return workspaceRoots.some((r) => r !== undefined && isInside(real, realPathOf(r, realpath)));
}

export const OUTSIDE_WORKSPACE = 'it is outside the workspace folder, and an untrusted workspace reads only files inside it';

export interface ReadOptions {
  /** Files over this size are refused without being read (default MAX_USER_FILE_BYTES). */
  maxBytes?: number;
  /** Throws ReadRefused when the policy does not allow the file. */
  check?: (file: string) => void;
}

/**
 * Reads a config, glossary or bibliography file as UTF-8 text, refusing (with a ReadRefused whose message says
 * why) a file over the size limit — checked before anything is read —, a folder, a file that is not UTF-8, or one
 * the policy forbids. Other errors are the file system's (ENOENT, EACCES…).
 */
export function readUserFile(file: string, options: ReadOptions = {}): string {
  options.check?.(file);
  const maxBytes = options.maxBytes ?? MAX_USER_FILE_BYTES;
  // checked before opening too: opening a named pipe would block until something writes to it
  const before = fs.statSync(file);
  if (before.isDirectory()) throw new ReadRefused('it is a folder', 'not-a-file');
  if (!before.isFile()) throw new ReadRefused('it is not a regular file', 'not-a-file');
  const fd = fs.openSync(file, 'r');
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw new ReadRefused('it is a folder', 'not-a-file');
    if (!stat.isFile()) throw new ReadRefused('it is not a regular file', 'not-a-file');
    const tooLarge = sizeProblem(stat.size, maxBytes);
    if (tooLarge) throw tooLarge;
    // read at most one byte past the limit: a file that grew since fstat is still refused, never read whole
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) break;
    }
    if (length > maxBytes) {
      throw sizeProblem(length, maxBytes)!;
    }
    return decodeUserFile(buffer.subarray(0, length));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The server's access to files other than the open documents: the workspace folders, whether the workspace is
 * trusted, and readers that apply the size limit and the trust policy. `readText` is the reader for
 * loadWorkspaceSetup, `bibliographyReader(dir)` the one for analyze's `readBibliography`.
 */
export class FileAccess {
  constructor(
    private readonly roots: () => readonly (string | undefined)[],
    public trusted = true,
    private readonly realpath: RealPath = defaultRealPath,
  ) {}

  allowed(file: string): boolean {
    return isReadAllowed(file, this.roots(), this.trusted, this.realpath);
  }

  /** Throws ReadRefused when the file may not be read. */
  check(file: string): void {
    if (!this.allowed(file)) throw new ReadRefused(OUTSIDE_WORKSPACE, 'outside-workspace');
  }

  /** Reads a config or glossary file; throws with a reason (see readUserFile). */
  readonly readText = (file: string): string => readUserFile(file, { check: (f) => this.check(f) });

  /** A bibliography reader for papers in `dir`: paths relative to the paper; throws with a reason. */
  bibliographyReader(dir: string): (p: string) => string | undefined {
    return (p) => {
      try {
        return this.readText(path.resolve(dir, p));
      } catch (e) {
        throw new Error(reason(e));
      }
    };
  }

  /** Line `line` (1-based) of a config or glossary file, for the extent of a diagnostic; undefined when not readable. */
  lineOf(file: string, line: number): string | undefined {
    try {
      return this.readText(file).split(/\r\n|\r|\n/)[line - 1];
    } catch {
      return undefined;
    }
  }
}

// ---- papers on disk -------------------------------------------------------------------------------------------

/** Papers on disk that are not open in the editor: found under the workspace folders, analysed on demand. */
export class WorkspaceFiles {
  private readonly cache = new Map<string, { mtimeMs: number; size: number; result: AnalysisResult }>();

  constructor(
    private readonly analyzeText: (file: string, text: string) => AnalysisResult,
    readonly maxFiles = 2000,
    readonly maxBytes = 5 * 1024 * 1024,
    /** The trust policy: in an untrusted workspace, papers whose real path is outside the folders are not read. */
    readonly access?: Pick<FileAccess, 'allowed'>,
  ) {}

  /** Markdown files under the roots, skipping node_modules and dot-folders. */
  list(roots: readonly string[]): string[] {
    const out: string[] = [];
    const walk = (dir: string, depth: number) => {
      if (depth > 12 || out.length >= this.maxFiles) return;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p, depth + 1);
        else if (e.isFile() && /\.(md|markdown)$/i.test(e.name) && out.length < this.maxFiles) out.push(p);
      }
    };
    for (const r of roots) walk(r, 0);
    return out;
  }

  /** The analysis of a file, cached by size and modification time; throws a readable reason when it cannot be read. */
  async analyze(file: string): Promise<AnalysisResult> {
    if (this.access && !this.access.allowed(file)) throw new Error(OUTSIDE_WORKSPACE);
    const stat = await fs.promises.stat(file).catch((e: NodeJS.ErrnoException) => {
      throw new Error(e.code === 'ENOENT' ? 'no such file' : e.code === 'EACCES' ? 'permission denied' : e.message);
    });
    if (!stat.isFile()) throw new Error('not a file');
    if (stat.size > this.maxBytes) throw new Error(`larger than ${this.maxBytes / 1024 / 1024} MB`);
    const hit = this.cache.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.result;
    const text = await fs.promises.readFile(file, 'utf8');
    const result = this.analyzeText(file, text);
    this.cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, result });
    return result;
  }

  /** Synchronous variant for requests that must answer at once (workspace symbols); undefined when unreadable. */
  analyzeSync(file: string): AnalysisResult | undefined {
    try {
      if (this.access && !this.access.allowed(file)) return undefined;
      const stat = fs.statSync(file);
      if (!stat.isFile() || stat.size > this.maxBytes) return undefined;
      const hit = this.cache.get(file);
      if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.result;
      const result = this.analyzeText(file, fs.readFileSync(file, 'utf8'));
      this.cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, result });
      return result;
    } catch {
      return undefined;
    }
  }

  clear(): void {
    this.cache.clear();
  }
}
