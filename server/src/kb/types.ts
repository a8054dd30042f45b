/** One framework, agreement or institution of the knowledge base (data: see frameworks.json). */
export interface KbEntry {
  /** Stable id, lower-case kebab: "ipef". */
  id: string;
  /** The acronym or short name as written in prose: "IPEF", "Quad", "G20". Absent for entities without one. */
  acronym?: string;
  /** Official full name: "Indo-Pacific Economic Framework for Prosperity". */
  name: string;
  /**
   * Other accepted names and expansions, including common shorter forms: "Indo-Pacific Economic Framework".
   * Alternative acronyms ("OBOR", "CUSMA", "TPP-11") are listed here too; `byAcronym` finds them.
   */
  aliases: string[];
  /** e.g. "economic framework", "trade agreement", "security partnership", "international organisation", "development bank", "legislation", "initiative", "forum", "alliance". */
  kind: string;
  /**
   * Launch / signature / founding date as ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD".
   * Empty for entries of a user glossary that do not give one.
   */
  established: string;
  /** Member states (or parties), in English short names. Empty for legislation or initiatives without membership, and for bodies too large to list (see `memberCount`). */
  members: string[];
  /** When the member list (or `memberCount`) was checked, ISO date. */
  membersAsOf?: string;
  /** Number of members when they are not enumerated in `members` (WTO, UN, IMF…). */
  memberCount?: number;
  /** Standing of the framework; absent when not known. */
  status?: KbStatus;
  /** Ids of closely related entries (predecessor, successor, parent body). */
  relatedIds?: string[];
  /** One paragraph, plain prose, written for this project. */
  summary: string;
  /** URL of an authoritative source for the facts above. */
  source: string;
}

export type KbStatus = 'active' | 'superseded' | 'proposed' | 'negotiating' | 'not in force';

export interface FuzzyMatch {
  entry: KbEntry;
  /** Dice coefficient of the content words, 0–1. */
  score: number;
}

export interface KnowledgeBase {
  entries: readonly KbEntry[];
  /** Lookup by id ("ipef"). */
  byId(id: string): KbEntry | undefined;
  /**
   * Lookup by acronym exactly as written (case-sensitive), e.g. "IPEF", "Quad".
   * Falls back to acronym-shaped aliases written the same way ("OBOR" → BRI, "CUSMA" → USMCA).
   */
  byAcronym(acronym: string): KbEntry | undefined;
  /**
   * Like `byAcronym`, but when there is no exact match compares case-insensitively ("QUAD" → Quad,
   * "Mercosur" → MERCOSUR). Returns undefined when the case-insensitive form is ambiguous.
   */
  byAcronymLoose(acronym: string): KbEntry | undefined;
  /** Lookup by a full name or alias, case- and punctuation-insensitive. */
  byName(name: string): KbEntry | undefined;
  /**
   * Best guess at the entry a garbled long form meant, by overlap of content words with each name and
   * alias (Dice coefficient). Only scores above 0.6 count; undefined if none, or if two entries tie.
   */
  findByNameFuzzy(longForm: string): FuzzyMatch | undefined;
}
