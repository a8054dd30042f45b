import type { AnyRule } from '../core/rule';
import misspelled from './acronym/misspelled';
import wrongExpansion from './acronym/wrong-expansion';
import inconsistentExpansion from './acronym/inconsistent-expansion';
import usedBeforeDefinition from './acronym/used-before-definition';
import undefinedAcronym from './acronym/undefined';
import redefined from './acronym/redefined';
import inconsistentFigure from './number/inconsistent-figure';
import sharesExceedTotal from './number/shares-exceed-total';
import listCountMismatch from './number/list-count-mismatch';
import kbContradiction from './number/kb-contradiction';
import uncitedClaim from './citation/uncited-claim';
import missingReference from './citation/missing-reference';
import unusedReference from './citation/unused-reference';
import noReferenceList from './citation/no-reference-list';
import unknownKey from './citation/unknown-key';
import bibliographyError from './citation/bibliography-error';
import undefinedFootnote from './citation/undefined-footnote';
import unusedFootnote from './citation/unused-footnote';
import numericOutOfRange from './citation/numeric-out-of-range';
import placeholder from './citation/placeholder';

/** Every rule, in the order their findings are documented. Adding a rule = one module + one line here. */
export const rules: readonly AnyRule[] = [
  misspelled,
  wrongExpansion,
  inconsistentExpansion,
  usedBeforeDefinition,
  undefinedAcronym,
  redefined,
  inconsistentFigure,
  sharesExceedTotal,
  listCountMismatch,
  kbContradiction,
  uncitedClaim,
  missingReference,
  unusedReference,
  noReferenceList,
  unknownKey,
  bibliographyError,
  undefinedFootnote,
  unusedFootnote,
  numericOutOfRange,
  placeholder,
];

export function getRule(id: string): AnyRule | undefined {
  return rules.find((r) => r.meta.id === id);
}
