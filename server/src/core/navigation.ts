import type { AnalysisResult } from './analyze';
import type { OffsetRange } from './types';
import type { KbEntry } from '../kb/types';
import type { Section } from './paper';

/** Everything about the acronym at an offset that navigation needs. */
export interface AcronymOccurrences {
  acronym: string;
  /** The token under the cursor. */
  range: OffsetRange;
  /** The acronym inside the first definition, if the paper defines it. */
  definition: OffsetRange | undefined;
  /** Every occurrence (uses and definitions), in document order. */
  occurrences: OffsetRange[];
  kb: KbEntry | undefined;
}

export function acronymAt(result: AnalysisResult, offset: number): AcronymOccurrences | undefined {
  const { acronyms } = result.ledgers;
  const token = acronyms.tokenAt(offset);
  if (!token) return undefined;
  const record = acronyms.records.get(token.acronym);
  if (!record) return undefined;
  const occurrences = acronyms.tokens.filter((t) => t.acronym === token.acronym).map((t) => t.range);
  return {
    acronym: token.acronym,
    range: token.range,
    definition: record.definitions[0]?.acronymRange,
    occurrences,
    kb: record.kb,
  };
}

/** Why a new name cannot replace an acronym, or undefined when it can. */
export function renameProblem(newName: string): string | undefined {
  if (!/^[\p{L}\p{N}&][\p{L}\p{N}&-]*$/u.test(newName)) return `“${newName}” is not an acronym: use letters, digits, “&” or “-”, without spaces.`;
  return undefined;
}

/** The section outline: headings nested by depth. */
export interface OutlineNode {
  section: Section;
  /** From the heading to the end of the section (before the next heading of the same or a higher level). */
  range: OffsetRange;
  children: OutlineNode[];
}

export function outline(result: AnalysisResult): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  const end = result.text.length;
  for (const section of result.paper.sections) {
    const node: OutlineNode = { section, range: { start: section.range.start, end }, children: [] };
    while (stack.length && stack[stack.length - 1].section.depth >= section.depth) {
      stack.pop()!.range.end = trimEnd(result.text, section.range.start);
    }
    (stack.length ? stack[stack.length - 1].children : roots).push(node);
    stack.push(node);
  }
  for (const n of stack) n.range.end = trimEnd(result.text, end);
  return roots;
}

function trimEnd(text: string, i: number): number {
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  return i;
}

export interface AcronymCompletion {
  acronym: string;
  /** Full name to show and, at first use, to insert. */
  name: string;
  /** What to insert: "Full Name (ACR)" when the paper has not yet defined it before this point, else "ACR". */
  insertText: string;
  source: 'paper' | 'knowledge base';
  /** Markdown documentation (the hover card's summary). */
  documentation: string;
}

/**
 * Acronyms to offer at an offset: the paper's own definitions and the knowledge base's frameworks.
 * At a first use the completion inserts the definition; after it, the acronym alone.
 */
export function acronymCompletions(result: AnalysisResult, offset: number): AcronymCompletion[] {
  const out = new Map<string, AcronymCompletion>();
  const { records } = result.ledgers.acronyms;
  const definedBefore = (acronym: string) => (records.get(acronym)?.definitions ?? []).some((d) => d.acronymRange.end <= offset);
  const usedBefore = (acronym: string) => (records.get(acronym)?.uses ?? []).some((u) => u.range.end <= offset && u.context === 'body');
  for (const d of result.ledgers.acronyms.definitions) {
    if (out.has(d.acronym)) continue;
    const first = !definedBefore(d.acronym) && !usedBefore(d.acronym);
    out.set(d.acronym, {
      acronym: d.acronym,
      name: d.longForm,
      insertText: first ? `${d.longForm} (${d.acronym})` : d.acronym,
      source: 'paper',
      documentation: `Defined in this paper as “${d.longForm}”.`,
    });
  }
  for (const e of result.kb.entries) {
    if (!e.acronym || out.has(e.acronym)) continue;
    const first = !definedBefore(e.acronym) && !usedBefore(e.acronym);
    out.set(e.acronym, {
      acronym: e.acronym,
      name: e.name,
      insertText: first ? `${e.name} (${e.acronym})` : e.acronym,
      source: 'knowledge base',
      documentation: `**${e.name}** — ${e.summary}`,
    });
  }
  return [...out.values()];
}

/** Defined acronyms of a paper, for workspace symbols. */
export function definedAcronyms(result: AnalysisResult): { acronym: string; longForm: string; range: OffsetRange }[] {
  const seen = new Set<string>();
  const out: { acronym: string; longForm: string; range: OffsetRange }[] = [];
  for (const d of result.ledgers.acronyms.definitions) {
    if (seen.has(d.acronym)) continue;
    seen.add(d.acronym);
    out.push({ acronym: d.acronym, longForm: d.longForm, range: d.acronymRange });
  }
  return out;
}
