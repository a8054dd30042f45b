import * as path from 'node:path';
import { parseConfig, type ConfigProblem, type PolicyLintConfig } from './config';
import type { AnyRule } from './rule';
import type { KbEntry, KnowledgeBase } from '../kb/types';
import { createKnowledgeBase, loadBuiltinKnowledgeBase, loadGlossary } from '../kb/index';

/** A problem in one of the user's files (config or glossary), with a 1-based line and column. */
export interface FileProblem extends ConfigProblem {
  file: string;
}

export interface WorkspaceSetup {
  config: PolicyLintConfig;
  kb: KnowledgeBase;
  problems: FileProblem[];
}

/** Config file names, in the order they are looked for in a folder. */
export const CONFIG_FILE_NAMES = ['.policylint.yaml', '.policylint.yml', '.policylint.json'];

/**
 * Config, glossary and bibliography files larger than this are refused before they are read (a paper's config
 * and glossary are a few kilobytes; a large bibliography exported from a reference manager, a few megabytes).
 */
export const MAX_USER_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Thrown by a file reader that refuses a file (too large, not UTF-8, outside the workspace); its message says
 * why, in words that follow "Cannot read …: ".
 */
export class ReadRefused extends Error {
  constructor(
    message: string,
    readonly code: 'too-large' | 'not-utf8' | 'outside-workspace' | 'not-a-file',
  ) {
    super(message);
    this.name = 'ReadRefused';
  }
}

/** "12.3 MB", "512 KB": a size for messages. */
export function formatSize(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  if (mb >= 10) return `${Math.round(mb)} MB`;
  if (mb >= 1) return `${Math.round(mb * 10) / 10} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

/** The reason a file of `bytes` is refused, or undefined when it is small enough. */
export function sizeProblem(bytes: number, limit = MAX_USER_FILE_BYTES): ReadRefused | undefined {
  if (bytes <= limit) return undefined;
  return new ReadRefused(`the file is ${formatSize(bytes)}, over the ${formatSize(limit)} limit`, 'too-large');
}

/**
 * Decodes a user file as UTF-8 (a byte-order mark is dropped). Throws ReadRefused naming the line of the first
 * byte that is not UTF-8, so a Latin-1 or UTF-16 file is reported instead of read as replacement characters.
 */
export function decodeUserFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
    const hex = bytes[bad]?.toString(16).toUpperCase().padStart(2, '0') ?? '';
    return fail(new ReadRefused(`the file is not UTF-8 text (byte 0x${hex} on line ${line}); save it as UTF-8`, 'not-utf8'));
  }
}

function fail(e: Error): never {
  throw e;
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
    }
    // overlong three- and four-byte forms, surrogates and code points past U+10FFFF
    if (need === 2 && ((c === 0xe0 && b[i + 1] < 0xa0) || (c === 0xed && b[i + 1] >= 0xa0))) return i;
    if (need === 3 && ((c === 0xf0 && b[i + 1] < 0x90) || (c === 0xf4 && b[i + 1] >= 0x90))) return i;
    i += need + 1;
  }
  return b.length;
}

/**
 * Reads a config file and the glossaries it names, merging glossary entries over the built-in knowledge base.
 * `readFile` returns the text, or throws (its message is reported; a reader should refuse files over
 * MAX_USER_FILE_BYTES before reading them, and throw ReadRefused for files its policy does not allow). Never
 * throws: every problem is reported against the file and line where it is, and the defaults carry on. Glossary
 * paths are resolved against the config file's folder and must stay inside it.
 */
export function loadWorkspaceSetup(configPath: string | undefined, readFile: (file: string) => string, registry: readonly AnyRule[]): WorkspaceSetup {
  const problems: FileProblem[] = [];
  const builtin = loadBuiltinKnowledgeBase();
  if (!configPath) return { config: {}, kb: builtin, problems };
  let text: string;
  try {
    text = readFile(configPath);
  } catch (e) {
    problems.push({ file: configPath, line: 1, column: 1, message: `Cannot read the configuration: ${reason(e)}.` });
    return { config: {}, kb: builtin, problems };
  }
  // a reader that did not check the size first
  const tooLarge = sizeProblem(text.length);
  if (tooLarge) {
    problems.push({ file: configPath, line: 1, column: 1, message: `Cannot read the configuration: ${tooLarge.message}.` });
    return { config: {}, kb: builtin, problems };
  }
  const parsed = parseConfig(text, registry, { json: /\.json$/i.test(configPath) });
  for (const p of parsed.problems) problems.push({ file: configPath, ...p });
  const entries: Partial<KbEntry>[] = [];
  const root = path.dirname(configPath);
  (parsed.config.glossary ?? []).forEach((g, i) => {
    const where = parsed.glossaryPositions?.[i] ?? { line: 1, column: 1 };
    const file = path.resolve(root, g);
    const rel = path.relative(root, file);
    if (!g.trim() || rel === '') {
      problems.push({ file: configPath, ...where, message: `Glossary "${g}" is not a file name.` });
      return;
    }
    if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
      problems.push({ file: configPath, ...where, message: `Glossary "${g}" is outside the folder of the configuration and was not read.` });
      return;
    }
    let gtext: string;
    try {
      gtext = readFile(file);
    } catch (e) {
      problems.push({ file: configPath, ...where, message: `Cannot read glossary "${g}": ${reason(e)}.` });
      return;
    }
    const gTooLarge = sizeProblem(gtext.length);
    if (gTooLarge) {
      problems.push({ file: configPath, ...where, message: `Cannot read glossary "${g}": ${gTooLarge.message}.` });
      return;
    }
    const result = loadGlossary(file, gtext);
    for (const e of result.errors) problems.push({ file, line: e.line, column: e.column, message: e.message.endsWith('.') ? e.message : `${e.message}.` });
    entries.push(...result.entries);
  });
  let kb = builtin;
  if (entries.length) {
    try {
      kb = createKnowledgeBase(builtin.entries, entries);
    } catch (e) {
      // validated entries should always merge; if they do not, the built-in knowledge base carries on
      problems.push({ file: configPath, line: 1, column: 1, message: `The glossaries could not be merged: ${reason(e)}.` });
    }
  }
  return { config: parsed.config, kb, problems };
}

/** A reader's error in words: "no such file", "it is a folder", or a ReadRefused message. */
export function reason(e: unknown): string {
  if (e instanceof ReadRefused) return e.message;
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ELOOP') return 'too many symbolic links';
  return ((e as Error)?.message ?? String(e)).replace(/\.$/, '');
}
