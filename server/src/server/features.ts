// LSP results built from an analysis: pure functions of (AnalysisResult, request), wired in session.ts.
import {
  CompletionItemKind,
  InsertTextFormat,
  SymbolKind,
  type CompletionItem,
  type DocumentSymbol,
  type Location,
  type Position,
  type Range,
  type SemanticTokens,
  type SemanticTokensLegend,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import {
  acronymAt,
  acronymCompletions,
  citationAt,
  citationDefinition,
  citationReferences,
  definedAcronyms,
  formatRecord,
  keyCompletion,
  outline,
  referenceCompletion,
  renameProblem,
  type AnalysisResult,
  type CitationLocation,
  type OutlineNode,
} from '../core/index';
import type { OverviewAcronym, OverviewCitation, OverviewFigure, PaperOverview } from './protocol';

const offsetOf = (result: AnalysisResult, p: Position) => result.paper.lines.offsetAt(p);
const rangeOf = (result: AnalysisResult, r: { start: number; end: number }): Range => result.paper.lines.range(r);

/**
 * The URI of a bibliography file named by a paper (the path as written, relative to the paper), or undefined
 * when it cannot be told (a paper that is not a file). Injected by the session.
 */
export type FileUri = (file: string) => string | undefined;

function toLocation(result: AnalysisResult, uri: string, loc: CitationLocation, fileUri: FileUri | undefined): Location | null {
  if ('range' in loc) return { uri, range: rangeOf(result, loc.range) };
  const target = fileUri?.(loc.file);
  if (!target) return null;
  const line = Math.max(0, (loc.line ?? 1) - 1);
  return { uri: target, range: { start: { line, character: 0 }, end: { line, character: 0 } } };
}

/** From a citation to what it cites (entry, note, numbered entry, bibliography record); from an acronym to its definition. */
export function definition(result: AnalysisResult, uri: string, p: Position, fileUri?: FileUri): Location | null {
  const offset = offsetOf(result, p);
  const cited = citationDefinition(result, offset);
  if (cited) {
    const loc = toLocation(result, uri, cited, fileUri);
    if (loc) return loc;
  }
  const a = acronymAt(result, offset);
  if (!a?.definition) return null;
  return { uri, range: rangeOf(result, a.definition) };
}

/**
 * Every citation of the work under the cursor (on a citation, a reference-list entry, a footnote definition or a
 * numbered entry), with its definition when `includeDeclaration`; otherwise every occurrence of the acronym.
 */
export function references(result: AnalysisResult, uri: string, p: Position, includeDeclaration: boolean, fileUri?: FileUri): Location[] {
  const offset = offsetOf(result, p);
  // an acronym in a link's text is looked up as an acronym; any other citation comes first
  const onLinkAcronym = citationAt(result, offset)?.marker.kind === 'link' && acronymAt(result, offset) !== undefined;
  const cited = onLinkAcronym ? null : citationReferences(result, offset, includeDeclaration);
  if (cited) return cited.map((l) => toLocation(result, uri, l, fileUri)).filter((l): l is Location => l !== null);
  const a = acronymAt(result, offset);
  if (!a) return [];
  const defs = new Set(result.ledgers.acronyms.definitions.filter((d) => d.acronym === a.acronym).map((d) => d.acronymRange.start));
  return a.occurrences.filter((r) => includeDeclaration || !defs.has(r.start)).map((r) => ({ uri, range: rangeOf(result, r) }));
}

export function prepareRename(result: AnalysisResult, p: Position): { range: Range; placeholder: string } | null {
  const a = acronymAt(result, offsetOf(result, p));
  return a ? { range: rangeOf(result, a.range), placeholder: a.acronym } : null;
}

/** Renames every occurrence of the acronym (definitions included); plural and possessive endings stay. */
export function rename(result: AnalysisResult, uri: string, version: number, p: Position, newName: string): WorkspaceEdit | { error: string } | null {
  const a = acronymAt(result, offsetOf(result, p));
  if (!a) return null;
  const problem = renameProblem(newName);
  if (problem) return { error: problem };
  return { documentChanges: [{ textDocument: { uri, version }, edits: a.occurrences.map((r) => ({ range: rangeOf(result, r), newText: newName })) }] };
}

export function documentSymbols(result: AnalysisResult): DocumentSymbol[] {
  const toSymbol = (n: OutlineNode): DocumentSymbol => ({
    name: n.section.title || '(untitled)',
    detail: n.section.isReferences ? 'references' : undefined,
    kind: n.section.depth <= 1 ? SymbolKind.File : SymbolKind.String,
    range: rangeOf(result, n.range),
    selectionRange: rangeOf(result, n.section.range),
    children: n.children.map(toSymbol),
  });
  return outline(result).map(toSymbol);
}

/** Bibliography keys after `@` / `[@` in a Pandoc citation; otherwise acronyms. */
export function completions(result: AnalysisResult, p: Position): CompletionItem[] {
  const offset = offsetOf(result, p);
  // after an `@`: bibliography keys when it starts a citation, nothing when it is an e-mail address or in code
  const keys = keyCompletion(result, offset);
  if (keys) {
    const replace = rangeOf(result, keys.range);
    return keys.keys.map((k, i) => ({
      label: k.key,
      labelDetails: { description: [k.author, k.year].filter(Boolean).join(' ') },
      kind: CompletionItemKind.Reference,
      detail: `${k.author || 'Anonymous'} (${k.year || 'n.d.'})${k.title ? ` — ${k.title}` : ''}`,
      documentation: { kind: 'markdown', value: `${formatRecord(k)}\n\n${k.file === 'front matter' ? 'From the front matter' : `From ${k.file}`}` },
      filterText: k.key,
      sortText: String(i).padStart(6, '0'),
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range: replace, newText: k.insertText },
    }));
  }
  if (/@[\p{L}\p{N}_:.#$%&\-+?<>~/]*$/u.test(result.text.slice(Math.max(0, offset - 200), offset))) return [];
  // inside a parenthesis of an author–year paper: the entries of its reference list, then acronyms
  const refs = referenceCompletion(result, offset);
  const citations: CompletionItem[] = refs
    ? refs.entries.map((e, i) => ({
        label: e.citation,
        kind: CompletionItemKind.Reference,
        detail: e.entry.text,
        filterText: e.citation,
        sortText: `0${String(i).padStart(5, '0')}`,
        insertTextFormat: InsertTextFormat.PlainText,
        textEdit: { range: rangeOf(result, refs.range), newText: e.citation },
      }))
    : [];
  // complete the word being typed: replace from its start to the cursor
  let start = offset;
  while (start > 0 && /[\p{L}\p{N}&-]/u.test(result.text[start - 1])) start--;
  const replace = rangeOf(result, { start, end: offset });
  const acronyms = acronymCompletions(result, offset).map((c, i): CompletionItem => ({
    label: c.acronym,
    labelDetails: { description: c.name },
    kind: c.source === 'paper' ? CompletionItemKind.Variable : CompletionItemKind.Reference,
    detail: c.insertText === c.acronym ? c.name : `first use: ${c.insertText}`,
    documentation: { kind: 'markdown', value: c.documentation },
    filterText: `${c.acronym} ${c.name}`,
    sortText: `${c.source === 'paper' ? 1 : 2}${String(i).padStart(5, '0')}`,
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range: replace, newText: c.insertText },
  }));
  return citations.length ? [...citations, ...acronyms] : acronyms;
}

/**
 * Semantic tokens: acronyms as `type` (declaration = defined here, defaultLibrary = a known framework,
 * deprecated = unknown and undefined) and figures as `number` (deprecated = reported by a number rule).
 */
export const SEMANTIC_LEGEND: SemanticTokensLegend = {
  tokenTypes: ['type', 'number'],
  tokenModifiers: ['declaration', 'defaultLibrary', 'deprecated'],
};

export function semanticTokens(result: AnalysisResult): SemanticTokens {
  const { acronyms, figures } = result.ledgers;
  const tokens: { start: number; end: number; type: number; modifiers: number }[] = [];
  const defStarts = new Set(acronyms.definitions.map((d) => d.acronymRange.start));
  for (const t of acronyms.tokens) {
    const record = acronyms.records.get(t.acronym);
    if (!record || t.context === 'shouting' || acronyms.isOrdinary(t.acronym)) continue;
    let modifiers = 0;
    if (defStarts.has(t.range.start)) modifiers |= 1;
    if (record.kb) modifiers |= 2;
    if (!record.kb && !record.definitions.length) modifiers |= 4;
    tokens.push({ ...t.range, type: 0, modifiers });
  }
  // figures: `number`, marked `deprecated` when a number rule reports them
  const flagged = result.findings.filter((f) => f.ruleId.startsWith('number/'));
  for (const f of figures.figures) {
    const bad = flagged.some((x) => x.range.start < f.range.end && f.range.start < x.range.end);
    tokens.push({ ...f.range, type: 1, modifiers: bad ? 4 : 0 });
  }
  tokens.sort((a, b) => a.start - b.start || a.end - b.end);
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  let lastEnd = -1;
  for (const t of tokens) {
    if (t.start < lastEnd) continue; // tokens must not overlap
    const s = result.paper.lines.positionAt(t.start);
    const e = result.paper.lines.positionAt(t.end);
    if (e.line !== s.line || e.character <= s.character) continue;
    data.push(s.line - prevLine, s.line === prevLine ? s.character - prevChar : s.character, e.character - s.character, t.type, t.modifiers);
    prevLine = s.line;
    prevChar = s.character;
    lastEnd = t.end;
  }
  return { data };
}

export function paperOverview(result: AnalysisResult, uri: string, version: number): PaperOverview {
  const { acronyms } = result.ledgers;
  const list: OverviewAcronym[] = [];
  for (const record of acronyms.records.values()) {
    const uses = record.uses.filter((u) => u.context !== 'shouting');
    if (acronyms.isOrdinary(record.acronym) && !record.definitions.length) continue;
    if (!uses.length && !record.definitions.length) continue;
    const def = record.definitions[0];
    const problems = result.findings
      .filter((f) => f.ruleId.startsWith('acronym/'))
      .filter((f) => record.definitions.some((d) => d.span.start <= f.range.start && f.range.end <= d.span.end) || record.uses.some((u) => u.range.start === f.range.start))
      .map((f) => ({ ruleId: f.ruleId, message: f.message, range: rangeOf(result, f.range) }));
    list.push({
      acronym: record.acronym,
      expansion: def?.longForm ?? record.kb?.name ?? null,
      known: !!record.kb,
      definition: def ? rangeOf(result, def.acronymRange) : null,
      uses: uses.map((u) => rangeOf(result, u.range)),
      problems,
    });
  }
  list.sort((a, b) => a.acronym.localeCompare(b.acronym));
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of result.findings) counts[f.severity]++;
  return { uri, version, acronyms: list, figures: overviewFigures(result), citations: overviewCitations(result), counts };
}

export const definedAcronymsOf = definedAcronyms;

/** Key figures: measures stated more than once, or involved in a number finding, grouped by measure. */
function overviewFigures(result: AnalysisResult): OverviewFigure[] {
  const out: OverviewFigure[] = [];
  const numberFindings = result.findings.filter((f) => f.ruleId.startsWith('number/'));
  for (const group of result.ledgers.figures.byKey.values()) {
    const problems = numberFindings.filter((f) => group.some((g) => g.range.start <= f.range.start && f.range.end <= g.range.end));
    if (group.length < 2 && !problems.length) continue;
    out.push({
      measure: group[0].measure ?? result.text.slice(group[0].range.start, group[0].range.end),
      mentions: group.map((g) => ({ text: result.text.slice(g.range.start, g.range.end), range: rangeOf(result, g.range) })),
      problems: problems.map((f) => ({ ruleId: f.ruleId, message: f.message, range: rangeOf(result, f.range) })),
    });
  }
  return out;
}

/** Every citation marker with the reference entry, bibliography record or note it resolves to. */
function overviewCitations(result: AnalysisResult): OverviewCitation[] {
  return result.ledgers.citations.markers.map((m) => {
    const hit = citationAt(result, m.range.start);
    const reference = hit?.reference?.text ?? hit?.record?.key ?? (hit?.footnote ? `[^${hit.footnote.label}]` : undefined) ?? hit?.numbered?.text ?? null;
    return { label: result.text.slice(m.range.start, m.range.end) || m.items.map((i) => i.key ?? '').join('; '), range: rangeOf(result, m.range), reference: reference ?? null };
  });
}
