import type { AnalysisResult } from '../analyze';
import type { OffsetRange } from '../types';
import type { FootnoteDefinition } from './ledger';
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
  /** Where the cited work is defined, for go-to-definition. */
  target?: OffsetRange;
}

/** The citation at a source offset, with the reference entry or bibliography record it points at. Pure. */
export function citationAt(result: AnalysisResult, offset: number): CitationHit | null {
  const ledger = result.ledgers.citations;
  const hit = ledger.markerAt(offset);
  if (!hit) return null;
  const { marker, item } = hit;
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

/** One bibliography key for completion after `@` / `[@`. */
export interface BibliographyKey {
  key: string;
  author: string;
  year: string;
  title: string;
  venue: string;
  file: string;
}

/** The keys of the paper's bibliographies (front matter or settings), in file order. Empty when none was read. */
export function bibliographyKeys(result: AnalysisResult): BibliographyKey[] {
  const bib = result.ledgers.citations.bibliography;
  return bib.keys.map((k) => {
    const r = bib.records.get(k)!;
    return { key: r.key, author: r.author, year: r.year, title: r.title, venue: r.venue, file: r.file };
  });
}

/**
 * Every citation of the same work as the citation or reference entry at `offset` (find all references).
 * Works by key (Pandoc), matched reference entry (author–year), label (footnotes) or number (numeric).
 */
export function citationsOf(result: AnalysisResult, offset: number): CitationHit[] {
  const ledger = result.ledgers.citations;
  const here = citationAt(result, offset);
  let same: (hit: CitationHit) => boolean;
  if (here) {
    const { item } = here;
    if (item.key !== undefined) same = (h) => h.item.key === item.key;
    else if (here.reference) same = (h) => h.reference === here.reference;
    else if (item.label !== undefined) same = (h) => h.item.label === item.label;
    else if (item.number !== undefined) same = (h) => h.item.number === item.number;
    else return [here];
  } else {
    const entry = ledger.references.find((e) => offset >= e.range.start && offset <= e.range.end);
    if (!entry) return [];
    same = (h) => h.reference === entry;
  }
  const out: CitationHit[] = [];
  for (const marker of ledger.markers) {
    for (const item of marker.items) {
      const hit: CitationHit = { marker, item };
      if (item.authors && item.year) hit.reference = ledger.matchReference(item);
      if (same(hit)) out.push(hit);
    }
  }
  return out;
}
