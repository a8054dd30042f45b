import type { ProseBlock } from '../paper';
import type { OffsetRange } from '../types';

/**
 * How a citation is written.
 * - `author-year`: `(Smith, 2020)`, `(Lee and Park 2022; OECD 2021, p. 4)`
 * - `narrative`: `Smith (2020) argues`
 * - `pandoc`: `[@key]`, `[see @a, p. 3; -@b]`, and a narrative `@key`
 * - `footnote`: a `[^1]` reference (its definition holds the source)
 * - `inline-note`: a Pandoc inline footnote `^[…]`
 * - `numeric`: `[1]`, `[2–4]`, `[1, 3]`, `<sup>5</sup>`
 * - `link`: an inline link or a bare URL (the linked page is the source)
 * - `placeholder`: `(Author, Year)` or `[@TODO]`-style gaps left for later
 */
export type CitationKind = 'author-year' | 'narrative' | 'pandoc' | 'footnote' | 'inline-note' | 'numeric' | 'link' | 'placeholder';

/** One work a citation points at: one author–year pair, one Pandoc key, one note number. */
export interface CitationItem {
  /** Prose offsets within the block. */
  start: number;
  end: number;
  /** Source range. */
  range: OffsetRange;
  /** Author–year: the authors as written ("Lee and Park", "World Bank", "Zhang Xiaojun, Ma Xiaoqing"). */
  authors?: string;
  /** Author–year: the year as written ("2020", "2020a", "n.d."). */
  year?: string;
  /** Pandoc: the key, without `@`. */
  key?: string;
  /** Pandoc: `-@key` (suppress author). */
  suppressAuthor?: boolean;
  /** Numeric: the note or reference number. */
  number?: number;
  /** Footnote: the label. */
  label?: string;
  /** Link: the URL. */
  url?: string;
  /** Author–year: "ibid." or an `(Author, Year)` placeholder — nothing to look up. */
  unresolvable?: boolean;
}

export interface CitationMarker {
  kind: CitationKind;
  block: ProseBlock;
  /** Prose offsets within the block (for footnotes: an empty span where the reference sits). */
  start: number;
  end: number;
  /** Source range of the whole marker. */
  range: OffsetRange;
  items: CitationItem[];
  /** In a footnote definition or a notes section. */
  inNote: boolean;
  /**
   * A narrative "Name (2019)" that reads like a label ("**Huawei** (2019): added to the list", a bold
   * "Initial Escalation (2018)" line): it covers claims like a citation but is not checked against references.
   */
  weak?: boolean;
}

/** The citation style a paper mostly uses, for messages and the placeholder a quick fix inserts. */
export type CitationStyle = 'pandoc' | 'author-year' | 'footnote' | 'numeric' | 'link' | 'none';

/** An entry of the paper's own reference list (References / Bibliography / Works cited). */
export interface ReferenceEntry {
  /** The entry's prose text. */
  text: string;
  /** Source range of the entry (one paragraph or one line of it). */
  range: OffsetRange;
  /** Source range of the entry's authors and year ("Holloway, P. (2019)."). */
  head: OffsetRange;
  /** Author part as written, before the year. */
  authors: string;
  year: string;
  /** Normalised name words of the authors, for matching. */
  names: Set<string>;
  /** Title, when it can be told apart. */
  title?: string;
}

/** An entry of a numbered list of notes or references ("1 Euractiv 2023.", "[2] …", an ordered list item). */
export interface NumberedEntry {
  number: number;
  text: string;
  range: OffsetRange;
}

/** A record of a bibliography file (BibTeX or CSL). */
export interface BibRecord {
  key: string;
  type: string;
  /** Formatted authors or editors ("Eaton, J. and Kortum, S."), or '' when none. */
  author: string;
  year: string;
  title: string;
  /** Journal, book, publisher or institution. */
  venue: string;
  /** The file the record comes from, as named in the front matter or settings ('front matter' for inline references). */
  file: string;
  /**
   * 1-based line of the record in its file (the `@type{key` line of a BibTeX entry, the start of a CSL item),
   * when it can be told; for inline front-matter references, the line in the paper.
   */
  line?: number;
}

export interface BibliographyFile {
  /** As written in the front matter (or settings). */
  path: string;
  /** Source range of the path in the front matter; undefined for a bibliography from settings. */
  range: OffsetRange | undefined;
  status: 'ok' | 'unreadable' | 'invalid' | 'unsupported';
  /** Why it failed, for the message. */
  error?: string;
  records: number;
}

export type ClaimKind = 'statistic' | 'superlative' | 'quotation' | 'attribution' | 'dated event';

export interface Claim {
  kind: ClaimKind;
  block: ProseBlock;
  /** Prose offsets of the phrase that makes the sentence a claim. */
  start: number;
  end: number;
  range: OffsetRange;
  /** The phrase, as it reads in the prose. */
  phrase: string;
  /** Prose offsets of the sentence. */
  sentenceStart: number;
  sentenceEnd: number;
  /** A citation in the same sentence. */
  coveredBySentence: boolean;
  /** A citation in the last sentence of the paragraph. */
  coveredByParagraph: boolean;
}
