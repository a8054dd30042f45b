import type { AnalysisResult } from '../analyze';
import type { OffsetRange } from '../types';
import type { CitationLedger, FootnoteDefinition } from './ledger';
import { firstAuthor, nameWords, sameYear } from './names';
import type { BibRecord, CitationItem, CitationMarker, NumberedEntry, ReferenceEntry } from './types';

/** What a citation at an offset points at: for hover and go-to-definition. */
export interface CitationHit {
  marker: CitationMarker;
  /** The cited work under the offset (one key or one author–year pair of a multiple citation). */
  item: CitationItem;
  /** The matching entry of the paper's reference list (author–year citations). */
  reference?: ReferenceEntry;
  /** The matching bibliography record (Pandoc keys). */
  record?: BibRecord;
  /** The footnote definition (footnotes). */
  footnote?: FootnoteDefinition;
  /** The numbered note or reference (numeric citations). */
  numbered?: NumberedEntry;
  /** Where the cited work is defined in the paper, for go-to-definition (a record's place is `recordLocation`). */
  target?: OffsetRange;
}

/** The cited work of one item, resolved against the reference list, bibliography, footnotes and numbered notes. */
function resolve(ledger: CitationLedger, marker: CitationMarker, item: CitationItem): CitationHit {
  const out: CitationHit = { marker, item };
  if (item.key !== undefined) out.record = ledger.bibliography.records.get(item.key);
  if (item.authors && item.year) {
    out.reference = ledger.matchReference(item);
    out.target = out.reference?.range;
  }
  if (item.label !== undefined) {
    out.footnote = ledger.footnoteDefinitions.get(item.label);
    out.target = out.footnote?.range;
  }
  if (item.number !== undefined) {
    out.numbered = ledger.numbered.find((n) => n.number === item.number);
    out.target = out.numbered?.range;
  }
  return out;
}

/** The citation at a source offset, with the reference entry or bibliography record it points at. Pure. */
export function citationAt(result: AnalysisResult, offset: number): CitationHit | null {
  const ledger = result.ledgers.citations;
  const hit = ledger.markerAt(offset);
  if (!hit) return null;
  return resolve(ledger, hit.marker, hit.item);
}

/** One bibliography key for completion after `@` / `[@`. */
export interface BibliographyKey {
  key: string;
  author: string;
  year: string;
  title: string;
  venue: string;
  file: string;
  type: string;
}

/** The keys of the paper's bibliographies (front matter or settings), in file order. Empty when none was read. */
export function bibliographyKeys(result: AnalysisResult): BibliographyKey[] {
  const bib = result.ledgers.citations.bibliography;
  return bib.keys.map((k) => {
    const r = bib.records.get(k)!;
    return { key: r.key, author: r.author, year: r.year, title: r.title, venue: r.venue, file: r.file, type: r.type };
  });
}

/** What a cursor designates as a cited work: a citation, a reference entry, a footnote definition or a numbered entry. */
interface Work {
  /** The citation under the cursor, when it is on one. */
  here?: CitationHit;
  same: (hit: CitationHit) => boolean;
  /** Where the work is defined in the paper (entry, footnote definition, numbered entry). */
  declaration?: OffsetRange;
  /** The bibliography record, for a Pandoc key. */
  record?: BibRecord;
}

const within = (offset: number, r: OffsetRange) => offset >= r.start && offset <= r.end;

function workAt(result: AnalysisResult, offset: number): Work | undefined {
  const ledger = result.ledgers.citations;
  const found = citationAt(result, offset);
  // an inline note is a container, not a cited work: what is inside it (a key, an acronym) is looked up instead
  const here = found?.marker.kind === 'inline-note' ? null : found;
  if (here) {
    const { item } = here;
    if (item.key !== undefined) return { here, same: (h) => h.item.key === item.key, record: here.record };
    if (here.reference) return { here, same: (h) => h.reference === here.reference, declaration: here.reference.range };
    if (item.label !== undefined) return { here, same: (h) => h.item.label === item.label, declaration: here.footnote?.range };
    if (item.number !== undefined) return { here, same: (h) => h.item.number === item.number, declaration: here.numbered?.range };
    if (item.authors && item.year && !item.unresolvable) {
      // no entry matches: the same authors and year written again
      const first = nameWords(firstAuthor(item.authors)).join(' ');
      return { here, same: (h) => !!h.item.authors && !!h.item.year && !h.item.unresolvable && sameYear(h.item.year, item.year!) && nameWords(firstAuthor(h.item.authors)).join(' ') === first };
    }
    if (item.url !== undefined) return { here, same: (h) => h.item.url === item.url };
    return { here, same: (h) => h.item === item };
  }
  // not on a citation: on an entry of the reference list, a footnote definition or a numbered entry
  const entry = ledger.references.find((e) => within(offset, e.range));
  const numbered = ledger.numbered.find((n) => within(offset, n.range));
  if (entry || numbered) {
    return {
      same: (h) => (!!entry && h.reference === entry) || (!!numbered && h.item.number === numbered.number),
      declaration: entry?.range ?? numbered!.range,
    };
  }
  for (const def of ledger.footnoteDefinitions.values()) {
    if (within(offset, def.range) || (offset >= def.block.range.start && offset < def.block.range.end)) {
      return { same: (h) => h.item.label === def.label, declaration: def.range };
    }
  }
  return undefined;
}

/**
 * Every citation of the same work as the citation or reference entry at `offset` (find all references).
 * Works by key (Pandoc), matched reference entry (author–year), label (footnotes) or number (numeric); from a
 * citation, a reference-list entry, a footnote definition or a numbered entry.
 */
export function citationsOf(result: AnalysisResult, offset: number): CitationHit[] {
  const work = workAt(result, offset);
  if (!work) return [];
  const ledger = result.ledgers.citations;
  const out: CitationHit[] = [];
  for (const marker of ledger.markers) {
    for (const item of marker.items) {
      const hit = resolve(ledger, marker, item);
      if (work.same(hit)) out.push(hit);
    }
  }
  return out;
}

/**
 * Where something is, for go-to-definition and find-references: a range of the paper, or a line of a
 * bibliography file (the path as the front matter or settings name it, relative to the paper; 1-based line,
 * undefined when unknown).
 */
export type CitationLocation = { range: OffsetRange } | { file: string; line: number | undefined };

/** Where a bibliography record is written: its line in its file, or its line in the paper's front matter. */
export function recordLocation(result: AnalysisResult, record: BibRecord): CitationLocation {
  const fm = result.paper.frontMatter;
  if (record.file === 'front matter' && fm) {
    const lines = result.paper.lines;
    if (record.line === undefined) return { range: fm.range };
    // the record's line in the paper, without its indentation
    const start = lines.offsetAt({ line: record.line - 1, character: 0 });
    const end = lines.offsetAt({ line: record.line, character: 0 });
    const text = result.text.slice(start, end);
    const lead = text.length - text.trimStart().length;
    return { range: { start: start + lead, end: Math.max(start + lead, start + text.trimEnd().length) } };
  }
  return { file: record.file, line: record.line };
}

/**
 * Go to definition from a citation: the reference entry, footnote definition or numbered entry it resolves to,
 * or the bibliography record of a Pandoc key. Null when the offset is on no citation or it resolves to nothing.
 */
export function citationDefinition(result: AnalysisResult, offset: number): CitationLocation | null {
  const hit = citationAt(result, offset);
  if (!hit) return null;
  if (hit.target) return { range: hit.target };
  if (hit.record) return recordLocation(result, hit.record);
  return null;
}

/**
 * Find all references on a citation or on what citations point at (a reference-list entry, a footnote
 * definition, a numbered entry): every citation of the same work (the item's range, e.g. `@key` or
 * `Lee, 2021` inside a multiple citation), preceded by the definition when `includeDeclaration`. Null when the
 * offset is on none of these.
 */
export function citationReferences(result: AnalysisResult, offset: number, includeDeclaration: boolean): CitationLocation[] | null {
  const work = workAt(result, offset);
  if (!work) return null;
  const out: CitationLocation[] = [];
  if (includeDeclaration) {
    if (work.declaration) out.push({ range: work.declaration });
    else if (work.record) out.push(recordLocation(result, work.record));
  }
  const seen = new Set<string>();
  for (const hit of citationsOf(result, offset)) {
    const r = hit.item.range;
    const id = `${r.start}:${r.end}`;
    if (seen.has(id)) continue; // the items of "[2–4]" or "Smith (2020, 2021)" share one range
    seen.add(id);
    out.push({ range: r });
  }
  return out;
}
