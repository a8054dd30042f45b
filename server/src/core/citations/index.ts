/** Citations: markers in every style, reference lists, bibliographies, and claims that need a source. */
export { citationLedgerSteps, type CitationLedger, type CitationLedgerOptions, type FootnoteDefinition } from './ledger';
export { citationAt, bibliographyKeys, citationsOf, type CitationHit, type BibliographyKey } from './query';
export { parseBibtex, parseCslJson, parseCslYaml, type BibliographyReader } from './bibliography';
export type * from './types';
export { citationDefinition, citationReferences, recordLocation, type CitationLocation } from './query';
export { keyCompletion, referenceCompletion, citedForm, type KeyCompletion, type ReferenceCompletion } from './complete';
export { citationCard, formatRecord, type CitationCard } from './hover';
