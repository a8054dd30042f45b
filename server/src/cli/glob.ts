// Glob matching for the CLI, written here so the bundle needs no dependency:
//   `*` and `?` stay within one path segment, `**` spans segments, `{a,b}` alternatives, `[abc]` / `[!abc]` classes.
// Two uses:
//   - the config's `ignore` globs (relative to the config file's folder), gitignore-style: a pattern without a slash
//     matches a file or folder name at any depth; `dir/` (or `dir`) ignores everything below it (`ignoredBy`);
//   - glob inputs on the command line (`"papers/**/*.md"`), matched from the working folder as a shell would
//     (`expandGlob` in files.ts uses `globBase` and `globToRegExp`).

/** Characters that make an input a glob rather than a path. */
const MAGIC = /[*?[{]/;

export function isGlob(s: string): boolean {
  return MAGIC.test(s);
}

/**
 * A regular expression for a glob over `/`-separated relative paths. `anchored` false lets a pattern without
 * a slash match at any depth (gitignore style); true matches from the start only (shell style).
 */
export function globToRegExp(glob: string, anchored?: boolean): RegExp {
  let g = glob.trim().replace(/\\/g, '/');
  if (g.startsWith('./')) g = g.slice(2);
  const anchor = anchored ?? g.replace(/\/+$/, '').includes('/');
  g = g.replace(/^\/+/, '').replace(/\/+$/, '');
  let re = '';
  let braces = 0;
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*') {
      if (g[i + 1] === '*') {
        const slashAfter = g[i + 2] === '/';
        re += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = g.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        const body = g.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = close;
      }
    } else if (c === '{') re += '(?:', braces++;
    else if (c === '}' && braces > 0) re += ')', braces--;
    else if (c === ',' && braces > 0) re += '|';
    else re += c.replace(/[.+^$|()\\\]}]/g, '\\$&');
  }
  re += ')'.repeat(braces);
  return new RegExp(`^${anchor ? '' : '(?:.*/)?'}${re}$`);
}

/**
 * Splits a command-line glob into the folder to walk (its leading segments without glob characters) and the
 * pattern for paths relative to that folder: `papers/2024/**\/*.md` → `papers/2024` and `**\/*.md`.
 */
export function globBase(glob: string): { base: string; pattern: string } {
  const parts = glob.replace(/\\/g, '/').split('/');
  let i = 0;
  while (i < parts.length - 1 && !isGlob(parts[i])) i++;
  const lead = parts.slice(0, i);
  const base = lead.length === 0 ? '.' : lead.length === 1 && lead[0] === '' ? '/' : lead.join('/');
  return { base, pattern: parts.slice(i).join('/') };
}

/** True when `relPath` (relative to the config's folder), or a folder above it, matches one of the globs. */
export function ignoredBy(globs: readonly string[], relPath: string): boolean {
  if (!globs.length) return false;
  const rel = relPath.replace(/\\/g, '/');
  if (rel.startsWith('../') || rel === '..') return false;
  const res = globs.filter((g) => g.trim() && !g.trim().startsWith('#')).map((g) => globToRegExp(g));
  const parts = rel.split('/');
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join('/');
    if (res.some((r) => r.test(candidate))) return true;
  }
  return false;
}
