/** One framework, agreement or institution of the knowledge base (data: see frameworks.json). */
export interface KbEntry {
  /** Stable id, lower-case kebab: "ipef". */
  id: string;
  /** The acronym or short name as written in prose: "IPEF", "Quad", "G20". Absent for entities without one. */
  acronym?: string;
  /** Official full name: "Indo-Pacific Economic Framework for Prosperity". */
  name: string;
  /** Other accepted names and expansions, including common shorter forms: "Indo-Pacific Economic Framework". */
  aliases: string[];
  /** e.g. "economic framework", "trade agreement", "security partnership", "international organisation", "development bank", "legislation", "initiative", "forum", "alliance". */
  kind: string;
  /** Launch / signature / founding date as ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
  established: string;
  /** Member states (or parties), in English short names. Empty for legislation or initiatives without membership. */
  members: string[];
  /** When the member list was checked, ISO date. */
  membersAsOf?: string;
  /** One paragraph, plain prose, written for this project. */
  summary: string;
  /** URL of an authoritative source for the facts above. */
  source: string;
}

export interface KnowledgeBase {
  entries: readonly KbEntry[];
  /** Lookup by acronym exactly as written (case-sensitive), e.g. "IPEF", "Quad". */
  byAcronym(acronym: string): KbEntry | undefined;
  /** Lookup by a full name or alias, case- and punctuation-insensitive. */
  byName(name: string): KbEntry | undefined;
}
