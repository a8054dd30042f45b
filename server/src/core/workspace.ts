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

/** Glossary and config files larger than this are refused (a paper's glossary is a few kilobytes). */
export const MAX_USER_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Reads a config file and the glossaries it names, merging glossary entries over the built-in knowledge base.
 * `readFile` returns the text, or throws (its message is reported). Never throws: every problem is reported
 * against the file and line where it is, and the defaults carry on. Glossary paths are resolved against the
 * config file's folder and must stay inside it.
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
  if (text.length > MAX_USER_FILE_BYTES) {
    problems.push({ file: configPath, line: 1, column: 1, message: `The configuration is larger than ${MAX_USER_FILE_BYTES / 1024 / 1024} MB and was ignored.` });
    return { config: {}, kb: builtin, problems };
  }
  const parsed = parseConfig(text, registry);
  for (const p of parsed.problems) problems.push({ file: configPath, ...p });
  const entries: Partial<KbEntry>[] = [];
  const root = path.dirname(configPath);
  for (const g of parsed.config.glossary ?? []) {
    const where = lineOfText(text, g);
    const file = path.resolve(root, g);
    if (path.relative(root, file).startsWith('..') || path.isAbsolute(path.relative(root, file))) {
      problems.push({ file: configPath, ...where, message: `Glossary "${g}" is outside the folder of the configuration and was not read.` });
      continue;
    }
    let gtext: string;
    try {
      gtext = readFile(file);
    } catch (e) {
      problems.push({ file: configPath, ...where, message: `Cannot read glossary "${g}": ${reason(e)}.` });
      continue;
    }
    if (gtext.length > MAX_USER_FILE_BYTES) {
      problems.push({ file, line: 1, column: 1, message: `The glossary is larger than ${MAX_USER_FILE_BYTES / 1024 / 1024} MB and was ignored.` });
      continue;
    }
    const result = loadGlossary(file, gtext);
    for (const e of result.errors) problems.push({ file, line: e.line, column: e.column, message: e.message });
    entries.push(...result.entries);
  }
  const kb = entries.length ? createKnowledgeBase(builtin.entries, entries) : builtin;
  return { config: parsed.config, kb, problems };
}

/** 1-based position of the first occurrence of `needle` in `text` (line 1 when absent). */
function lineOfText(text: string, needle: string): { line: number; column: number } {
  const i = text.indexOf(needle);
  if (i < 0) return { line: 1, column: 1 };
  const before = text.slice(0, i).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return (e as Error).message ?? String(e);
}
