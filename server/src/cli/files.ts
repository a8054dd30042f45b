// Turns the command line's inputs (files, folders, globs) into the list of files to check.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globBase, globToRegExp, isGlob } from './glob';

/** Markdown files found in folders and by globs; a file named on its own is checked whatever its extension. */
const MARKDOWN = /\.md$/i;

/** An input that cannot be used: exit status 2 with this message. */
export class InputError extends Error {}

export function ioReason(e: unknown, folder = false): string {
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

const byName = (a: fs.Dirent, b: fs.Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Whether a folder walk enters this entry: dot-files, dot-folders and node_modules are skipped. */
const skipped = (entry: fs.Dirent) => entry.name.startsWith('.') || entry.name === 'node_modules';

/** Markdown files below `dir`, as `dir/…` paths in name order; `match` filters by the path relative to `dir`. */
function walk(dir: string, match: (rel: string) => boolean, maxDepth: number, add: (file: string) => void, rel = '', depth = 1): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new InputError(`cannot read ${dir}: ${ioReason(e)}`);
  }
  for (const entry of entries.sort(byName)) {
    if (skipped(entry)) continue;
    const p = dir === '.' ? entry.name : path.join(dir, entry.name);
    const r = rel ? `${rel}/${entry.name}` : entry.name;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // a link to a file is followed; a link to a folder is not (it could loop)
      try {
        isFile = fs.statSync(p).isFile();
      } catch {
        isFile = false;
      }
      isDir = false;
    }
    if (isDir) {
      if (depth < maxDepth) walk(p, match, maxDepth, add, r, depth + 1);
    } else if (isFile && MARKDOWN.test(entry.name) && match(r)) add(p);
  }
}

export interface CollectOptions {
  /** A glob that matches no file is an error (exit 2) unless this is false. */
  errorOnUnmatchedPattern: boolean;
}

/**
 * The files to check, each once, in a stable order: a file as named; a folder's Markdown files (recursively,
 * skipping node_modules and dot-folders); a glob's Markdown files, matched from the working folder. An input that
 * exists as a path is taken as a path even if it contains glob characters.
 */
export function collectFiles(inputs: readonly string[], options: CollectOptions): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = path.resolve(file);
    if (!seen.has(key)) seen.add(key), out.push(file);
  };
  for (const input of inputs) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(input);
    } catch (e) {
      if (!isGlob(input)) throw new InputError(`cannot read ${input}: ${ioReason(e)}`);
    }
    if (stat?.isDirectory()) walk(input, () => true, Infinity, add);
    else if (stat) add(input);
    else {
      const { base, pattern } = globBase(input);
      const re = globToRegExp(pattern, true);
      const depth = pattern.includes('**') ? Infinity : pattern.split('/').length;
      let hits = 0;
      let baseIsDir = false;
      try {
        baseIsDir = fs.statSync(base).isDirectory();
      } catch {
        // no such folder: nothing matches
      }
      if (baseIsDir) walk(base, (rel) => re.test(rel), depth, (file) => (hits++, add(file)));
      if (!hits && options.errorOnUnmatchedPattern) throw new InputError(`no files match the pattern "${input}"`);
    }
  }
  return out;
}
