// The TextMate injection grammar for Markdown (syntaxes/policy-lint.injection.tmLanguage.json), built from
// readable regex pieces. `npx tsx scripts/gen-grammar.ts` writes it; test/unit/grammar.test.ts fails when the
// committed file differs from what this script generates, and tokenizes sample lines with vscode-textmate.
//
// The pieces follow the server's citation scanner (server/src/core/citations/markers.ts and names.ts) closely
// enough that what is highlighted is what the citation rules read; the grammar is only colour, so it errs on
// the side of highlighting less.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SCOPE_NAME = 'markdown.policy-lint.injection';
export const GRAMMAR_FILE = 'syntaxes/policy-lint.injection.tmLanguage.json';
const S = '.policy-lint';

/** Months: "(May 2022)" is a date, not a citation. */
const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b`;
/** Name particles and the small words of organisation names ("van der Berg", "Bank of Japan"). */
const SMALL = String.raw`(?:of|for|the|on|in|de|der|den|van|von|da|di|du|la|le|les|des|del|della|dos|das|al|bin|ter|ten)`;
/** Name particles only ("van der Berg", "de Souza"). */
const PARTICLE = String.raw`(?:de|der|den|van|von|da|di|du|la|le|les|des|del|della|dos|das|al|bin|ter|ten)`;
/** One capitalised name word: "Smith", "O’Neil", "Müller-Armack", "OECD", "U.S.". */
const WORD = String.raw`(?!${MONTH})[\p{Lu}\p{Lo}][\p{L}\p{M}'’.\-]*`;
/** A name: capitalised words, with particles or small words between them. */
const NAME = String.raw`(?:${SMALL}\s+)*${WORD}(?:\s+(?:${SMALL}\s+)*${WORD})*`;
/** Capitalised words that start sentences, not names: "As Smith (2020) shows" cites Smith. */
const STOP = String.raw`(?:A|An|The|As|In|On|At|By|To|Of|For|From|With|After|Before|And|But|Or|Nor|Yet|So|If|Per|Like|Unlike|Since|While|Whereas|Although|Though|When|Where|Because|However|Moreover|Indeed|Thus|Hence|Also|Even|Only|Here|Then|This|That|These|Those|Our|Its|Their|His|Her|Both|Either|Neither|According|Following|See|Similarly|Likewise|Notably)\b(?![’'.\-])`;
/** A name in a narrative citation: at most two capitalised words ("Smith", "World Bank", "Nguyen, T. H."). */
const NARRATIVE_NAME = String.raw`(?:${PARTICLE}\s+)*(?!${STOP})${WORD}(?:\s+(?!${STOP})${WORD})?`;
/**
 * A cheap look-ahead that every narrative citation passes (a few words, then " (" and a year): without it the
 * narrative pattern costs more than the whole Markdown grammar on long paragraphs.
 */
const NARRATIVE_GATE = String.raw`(?=[^\s(]{1,80}(?:\s+[^\s(]{1,40}){0,16}\s+\((?:1[5-9]\d\d|20\d\d|n\.|forthcoming|in\s))`;
/** Between two authors: ", ", " and ", ", and ", " & ". */
const AUTHOR_SEP = String.raw`(?:\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+)`;
const ET_AL = String.raw`(?:,?\s+et\s+al\.?)`;
const AUTHORS = String.raw`${NAME}(?:${AUTHOR_SEP}${NAME})*${ET_AL}?`;
/** One year as citations write it: 2020, 2020a, 2019–20, n.d., forthcoming. */
const YEAR = String.raw`(?:(?:1[5-9]\d\d|20\d\d)(?:[a-z](?![\p{L}\d]))?(?:[-–/]\d{2}(?![\p{L}\d]))?(?![\d\-–/])|n\.\s?d\.|forthcoming|in\s+press)`;
const YEARS = String.raw`${YEAR}(?:\s*,\s*(?:${YEAR}|[a-z](?![\p{L}\d])))*`;
/** A locator: "p. 4", "pp. 3–5", "chap. 2", "§ 3", ": 1173". */
const LOCATOR_BODY = String.raw`(?:(?:pp?|pages?|chaps?|ch|paras?|secs?|§|figs?|tables?|n|nn|notes?|vols?|arts?|col|cols)\.?\s*)?[\dIVXLCivxlc]+(?:\s*[-–]\s*[\dIVXLCivxlc]+)?`;
const LOCATOR = String.raw`(?:\s*[,:]\s*${LOCATOR_BODY})`;
/** Words that may lead a parenthetical citation: "see", "e.g.,", "cf.", "as cited in". */
const PREFIX_WORDS = String.raw`(?:see(?:\s+also)?|also|e\.g\.,?|i\.e\.,?|cf\.|compare|as\s+cited\s+in|cited\s+in|quoted\s+in)`;
const PREFIX = String.raw`(?:${PREFIX_WORDS}\s+)`;
/** One author–year item of a parenthetical citation. */
const ITEM = String.raw`${PREFIX}?${AUTHORS}(?:,\s*|\s+)${YEARS}${LOCATOR}?`;
/** A Pandoc citation key (`@doe2020`, `@{odd key}`). */
const KEY = String.raw`(?:\{[^{}\s]{1,120}\}|[\p{L}\d_](?:[\p{L}\d_]|[:.#$%&\-+?<>~/](?=[\p{L}\d_]))*)`;
/** Not in the middle of a word (so no e-mail addresses, no "x@y"). */
const NOT_AFTER_WORD = String.raw`(?<![\p{L}\p{N}_@.\\/])`;

const keyPatterns = [
  {
    match: String.raw`(-)?(@)(${KEY})`,
    captures: {
      1: { name: `keyword.operator.suppress-author.citation${S}` },
      2: { name: `punctuation.definition.citation-key${S}` },
      3: { name: `variable.other.citation-key${S}` },
    },
  },
  { match: ';', name: `punctuation.separator.citation${S}` },
  { match: String.raw`(?<=,|,\s)${LOCATOR_BODY}(?![\p{L}\p{N}])`, name: `constant.other.locator.citation${S}` },
];

/** Inside an author–year citation: authors, connectives, years, locators, separators. */
const authorYearPatterns = [
  { match: String.raw`(?<![\p{L}])et\s+al\.?`, name: `keyword.other.et-al.citation${S}` },
  { match: String.raw`(?<![\p{L}])(?:and|&)(?![\p{L}])`, name: `keyword.other.conjunction.citation${S}` },
  { match: String.raw`(?<![\p{L}\d])${YEAR}`, name: `constant.numeric.year.citation${S}` },
  { match: String.raw`(?<=[,:]|[,:]\s)${LOCATOR_BODY}(?![\p{L}\p{N}])`, name: `constant.other.locator.citation${S}` },
  { match: String.raw`(?<![\p{L}])${PREFIX_WORDS}(?=\s)`, name: `keyword.other.prefix.citation${S}` },
  { match: String.raw`(?<![\p{L}])${NAME}`, name: `entity.name.type.author.citation${S}` },
  { match: ';', name: `punctuation.separator.citation${S}` },
  { match: ',', name: `punctuation.separator.comma.citation${S}` },
];

export function grammar(): Record<string, unknown> {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Policy Lint citations and directives (injected into Markdown)',
    comment: 'Generated by scripts/gen-grammar.ts — edit that script, not this file.',
    scopeName: SCOPE_NAME,
    // L: wins ties with the Markdown grammar's own rules at the same position; never inside code or comments
    injectionSelector: 'L:text.html.markdown -markup.fenced_code -markup.raw -markup.inline.raw -comment -meta.embedded -meta.citation -meta.footnote -meta.link.inline -string.other.link',
    patterns: [
      { include: '#directive' },
      { include: '#footnote-definition' },
      { include: '#footnote-reference' },
      { include: '#pandoc-citation' },
      { include: '#pandoc-narrative' },
      { include: '#author-year-parenthetical' },
      { include: '#author-year-narrative' },
    ],
    repository: {
      directive: {
        comment: '<!-- policy-lint-disable rule-id --> and its enable / -next-line / -line / -file forms',
        match: String.raw`(?:^[ \t]*)?(<!--)\s*(policy-lint-(?:disable-next-line|disable-line|disable-file|disable|enable))(?=\s|-->)((?:(?!-->).)*?)\s*(-->)`,
        name: `comment.block.html.directive${S}`,
        captures: {
          1: { name: 'punctuation.definition.comment.begin.html' },
          2: { name: `keyword.control.directive${S}` },
          3: {
            patterns: [
              { match: String.raw`[a-z]+(?:/[a-z]+(?:-[a-z]+)*)?`, name: `constant.other.rule-id${S}` },
              { match: ',', name: `punctuation.separator.rule-id${S}` },
            ],
          },
          4: { name: 'punctuation.definition.comment.end.html' },
        },
      },
      'footnote-definition': {
        comment: '[^1]: at the start of a line',
        match: String.raw`^[ ]{0,3}(\[\^)([^\]\s]{1,60})(\])(:)`,
        name: `meta.footnote.definition${S}`,
        captures: {
          1: { name: `punctuation.definition.footnote.begin${S}` },
          2: { name: `entity.name.label.footnote${S}` },
          3: { name: `punctuation.definition.footnote.end${S}` },
          4: { name: `punctuation.separator.key-value${S}` },
        },
      },
      'footnote-reference': {
        comment: '[^1], [^note]',
        match: String.raw`(\[\^)([^\]\s]{1,60})(\])(?!:)`,
        name: `meta.footnote.reference${S}`,
        captures: {
          1: { name: `punctuation.definition.footnote.begin${S}` },
          2: { name: `constant.other.reference.footnote${S}` },
          3: { name: `punctuation.definition.footnote.end${S}` },
        },
      },
      'pandoc-citation': {
        comment: '[@key], [see @a, p. 3; -@b] — not a link ([@x](url)) nor a link definition ([@x]: url)',
        match: String.raw`(?<!\^)(\[)((?:[^\[\]@;]*?(?<![\p{L}\p{N}_.])-?@${KEY}[^\[\]@;]*)(?:;(?:[^\[\]@;]*?(?<![\p{L}\p{N}_.])-?@${KEY}[^\[\]@;]*))*)(\])(?![(\[:])`,
        name: `meta.citation.pandoc${S}`,
        captures: {
          1: { name: `punctuation.definition.citation.begin${S}` },
          2: { patterns: keyPatterns },
          3: { name: `punctuation.definition.citation.end${S}` },
        },
      },
      'pandoc-narrative': {
        comment: '@key in running text (not an e-mail address)',
        match: String.raw`${NOT_AFTER_WORD}(@)(${KEY})`,
        name: `meta.citation.pandoc.narrative${S}`,
        captures: {
          1: { name: `punctuation.definition.citation-key${S}` },
          2: { name: `variable.other.citation-key${S}` },
        },
      },
      'author-year-parenthetical': {
        comment: '(Smith, 2020), (Smith and Jones 2021; Lee et al., 2020a, p. 4), (see OECD, 2022)',
        match: String.raw`(\()(${ITEM}(?:\s*;\s*${ITEM})*)(\))`,
        name: `meta.citation.author-year.parenthetical${S}`,
        captures: {
          1: { name: `punctuation.definition.citation.begin${S}` },
          2: { patterns: authorYearPatterns },
          3: { name: `punctuation.definition.citation.end${S}` },
        },
      },
      'author-year-narrative': {
        comment: 'Smith (2020), Lee and Park (2022), Smith et al. (2020, p. 4)',
        match: String.raw`(?<![\p{L}\p{N}_'’\-])${NARRATIVE_GATE}(${NARRATIVE_NAME}(?:(?:\s*,\s*|\s+(?:and|&)\s+|,\s+and\s+)${NARRATIVE_NAME}){0,4}${ET_AL}?)\s+(\()(${YEARS}${LOCATOR}?)(\))`,
        name: `meta.citation.author-year.narrative${S}`,
        captures: {
          1: { patterns: authorYearPatterns },
          2: { name: `punctuation.definition.citation.begin${S}` },
          3: { patterns: authorYearPatterns },
          4: { name: `punctuation.definition.citation.end${S}` },
        },
      },
    },
  };
}

export function grammarText(): string {
  return JSON.stringify(grammar(), null, 2) + '\n';
}

// `tsx scripts/gen-grammar.ts` writes the file; importing the module (the test) does not.
if (process.argv[1] && /gen-grammar\.ts$/.test(process.argv[1])) {
  const file = join(__dirname, '..', GRAMMAR_FILE);
  writeFileSync(file, grammarText());
  console.log(`${GRAMMAR_FILE} regenerated`);
}
