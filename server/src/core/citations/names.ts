/**
 * Author–year citations: the year part, the author part, and name words for matching a citation with a
 * reference entry. Western, organisational and CJK names ("Zhang Xiaojun, Ma Xiaoqing") are all plain runs of
 * capitalised words here; nothing assumes which word is the family name.
 */

/** One year as citations write it: 2020, 2020a, 2019–20, n.d., forthcoming. */
export const YEAR = String.raw`(?:1[5-9]\d\d|20\d\d)(?:[a-z](?![\p{L}\d]))?(?:[-–/]\d{2}(?![\p{L}\d]))?(?![\d\-–/])|n\.\s?d\.|forthcoming|in press`;
/** Several years of one author: "2023a, 2023b", "2023a, b", "2019, 2021". */
export const YEAR_LIST = String.raw`(?:${YEAR})(?:\s*,\s*(?:${YEAR}|[a-z](?![\p{L}\d])))*`;
/** A locator after the year: ", p. 14", ": 1173", ", pp. 3–5", ", chap. 2", ", emphasis added". */
const LOCATOR = String.raw`(?:\s*[,:]\s*(?:(?:(?:pp?|pages?|chaps?|ch|paras?|paragraphs?|secs?|sections?|§|figs?|figures?|tables?|n|nn|notes?|vols?|arts?|loc|col|cols)\.?\s*)?[\dIVXLCivxlc]+(?:\s*[-–]\s*[\dIVXLCivxlc]+)?(?:\s*,\s*\d+(?:\s*[-–]\s*\d+)?)*(?:\s*ff?\.)?|emphasis added|emphasis in original|original emphasis|my translation|author['’]s translation|translated|cited in [^;]{1,40}))?`;
/** After a narrative year anything short goes: "(2019, JEP)", "(2021, AER: Insights)". */
const FREE_LOCATOR = String.raw`(?:\s*[,:]\s*[^;()]{1,40})?`;

/** `…authors, 2020a, p. 3` — the authors are validated separately. Bounded input (one `;` part). */
const PART = new RegExp(String.raw`^(.*?)(?:,\s*|\s+)(${YEAR_LIST})(${LOCATOR})\s*$`, 'u');
/** `(2020)`, `(2020a, p. 4)`, `(n.d.)` after a narrative author. */
const YEAR_ONLY = new RegExp(String.raw`^\s*(${YEAR_LIST})(${FREE_LOCATOR})\s*$`, 'u');

/** Words that may lead a parenthetical before the authors: "see", "e.g.,", "as cited in". */
const PREFIX_WORDS = new Set([
  'see', 'also', 'e.g.', 'e.g.,', 'eg', 'i.e.', 'i.e.,', 'cf.', 'cf', 'for', 'example', 'example,', 'as', 'cited', 'quoted', 'in', 'reported',
  'discussed', 'by', 'following', 'after', 'and', 'compare', 'contra', 'data', 'from', 'based', 'on', 'adapted', 'calculations', 'estimates',
  'figures', 'especially', 'esp.', 'notably', 'including', 'among', 'others', 'others,', 'summarised', 'summarized', 'reviewed', 'via',
]);

/** Lower-case words allowed inside an author run: particles and the small words of organisation names. */
const LOWER_IN_NAME = new Set([
  'of', 'for', 'the', 'and', 'on', 'in', 'de', 'der', 'den', 'van', 'von', 'da', 'di', 'du', 'la', 'le', 'les', 'des', 'del', 'della', 'dos',
  'das', 'bin', 'binti', 'al', 'el', 'y', 'e', 'et', 'al.', '&', 'zu', 'ten', 'ter', 'und', 'at', 'to',
]);

/** Words that open a parenthetical or a capitalised run but are not names: months, seasons, labels. */
const NOT_A_NAME_FIRST = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'spring', 'summer', 'autumn', 'fall', 'winter', 'fy', 'cy', 'q1', 'q2', 'q3', 'q4', 'h1', 'h2',
  'since', 'in', 'from', 'until', 'till', 'by', 'as', 'before', 'after', 'during', 'circa', 'through', 'to', 'at', 'on', 'around', 'about',
  'approximately', 'between', 'up', 'ending', 'starting', 'beginning', 'effective', 'total', 'est', 'estimated', 'fiscal', 'early', 'late',
  'mid', 'end', 'figure', 'fig', 'table', 'chart', 'section', 'chapter', 'article', 'annex', 'box', 'pillar', 'phase', 'part', 'title',
  'appendix', 'page', 'note', 'notes', 'scenario', 'version', 'round', 'wave', 'stage', 'step', 'the', 'a', 'an', 'this', 'that', 'these',
  'those', 'its', 'their', 'our', 'we', 'it', 'there', 'here', 'all', 'both', 'each', 'every', 'when', 'while', 'if', 'for', 'with', 'and', 'made',
  'but', 'or', 'nor', 'not', 'no', 'yes', 'see', 'i.e.', 'e.g.', 'cf.', 'ibid', 'ibid.', 'op.', 'loc.', 'id.', 'eds', 'ed', 'vol', 'no.',
]);

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/** A capitalised run ending with one of these names a document or an event, not an author: "the CHIPS Act (2022)". */
const DOCUMENT_WORDS = new Set([
  'act', 'acts', 'law', 'laws', 'agreement', 'agreements', 'treaty', 'accord', 'accords', 'strategy', 'plan', 'initiative', 'framework',
  'deal', 'declaration', 'convention', 'protocol', 'charter', 'program', 'programme', 'regulation', 'regulations', 'directive', 'order',
  'summit', 'round', 'agenda', 'vision', 'census', 'war', 'crisis', 'pandemic', 'election', 'elections', 'games', 'olympics', 'cup', 'expo',
  'code', 'bill', 'amendment', 'resolution', 'statement', 'communiqué', 'communique', 'memorandum', 'guidelines', 'rules', 'rule',
]);

/** Words that stop a narrative author run when met walking back from the year: "As Smith (2020) notes". */
const RUN_STOP = new Set([
  'the', 'in', 'as', 'see', 'for', 'by', 'while', 'according', 'to', 'unlike', 'like', 'following', 'building', 'drawing', 'also', 'but',
  'both', 'yet', 'per', 'cf', 'cf.', 'thus', 'here', 'when', 'where', 'whereas', 'although', 'though', 'since', 'after', 'before', 'with',
  'from', 'on', 'at', 'a', 'an', 'this', 'that', 'these', 'those', 'if', 'so', 'however', 'moreover', 'similarly', 'likewise', 'indeed',
  'notably', 'recently', 'later', 'earlier', 'then', 'instead', 'still', 'even', 'only', 'see,', 'e.g.', 'e.g.,', 'i.e.', 'i.e.,', 'or',
  'whom', 'which', 'who', 'what', 'how', 'why', 'our', 'we', 'it', 'its', 'their', 'they', 'he', 'she', 'his', 'her', 'one', 'two', 'three',
  'some', 'many', 'most', 'other', 'others', 'several', 'work', 'study', 'studies', 'report', 'paper', 'research', 'analysis',
]);

const NAME_WORD = /^(?:[\p{Lu}\p{Lo}][\p{L}\p{M}'’.\-]*|[\p{Ll}]{1,3}-[\p{Lu}][\p{L}\p{M}'’\-]*)$/u; // "Smith", "U.S.", "O'Neil", "al-Rashid"

export interface AuthorYear {
  /** Offsets of the authors + year (without prefix words and locator) within the part. */
  start: number;
  end: number;
  authors: string;
  years: string[];
}

/**
 * Parses one `;`-separated part of a parenthetical: "see Smith and Jones 2021, p. 4" → Smith and Jones, [2021].
 * Returns undefined when the part is not an author–year citation ("in force since 2015", "March 2023").
 */
export function parseAuthorYear(part: string): AuthorYear | undefined {
  if (part.length > 200) return undefined;
  const m = PART.exec(part);
  if (!m) return undefined;
  const authorsRaw = m[1];
  // strip prefix words ("see also", "e.g.,", "Source:")
  let i = 0;
  const sourceLabel = /^\s*(?:sources?|data|note)\s*:\s*/i.exec(authorsRaw);
  if (sourceLabel) i = sourceLabel[0].length;
  for (;;) {
    const w = /^\s*(\S+)\s+/.exec(authorsRaw.slice(i));
    if (!w || !PREFIX_WORDS.has(w[1].toLowerCase())) break;
    i += w[0].length;
  }
  while (i < authorsRaw.length && /\s/.test(authorsRaw[i])) i++;
  const authors = authorsRaw.slice(i).replace(/[\s,]+$/, '');
  if (!validAuthors(authors)) return undefined;
  const years = m[2].split(/\s*,\s*/).map((y, k, all) => (/^[a-z]$/.test(y) ? all[0].replace(/[a-z]$/, '') + y : y));
  return { start: i, end: m[1].length + m[0].slice(m[1].length).indexOf(m[2]) + m[2].length, authors, years };
}

/** Matches the content of `(2020)` / `(2020a, p. 3)`: the years of a narrative citation. */
export function parseYearOnly(content: string): string[] | undefined {
  const m = YEAR_ONLY.exec(content);
  if (!m) return undefined;
  return m[1].split(/\s*,\s*/).map((y, k, all) => (/^[a-z]$/.test(y) ? all[0].replace(/[a-z]$/, '') + y : y));
}

/** True for a plausible author list: capitalised words, particles, "and", "&", "et al.", commas; no digits. */
export function validAuthors(authors: string): boolean {
  if (!authors || authors.length > 120 || /\d/.test(authors)) return false;
  if (!/^[\p{Lu}\p{Lo}]/u.test(authors)) return false;
  const words = authors.split(/[\s,]+/).filter(Boolean);
  if (words.length > 14) return false;
  if (NOT_A_NAME_FIRST.has(words[0].toLowerCase().replace(/[.,]$/, ''))) return false;
  for (const w of words) {
    if (NAME_WORD.test(w)) continue;
    if (LOWER_IN_NAME.has(w.toLowerCase())) continue;
    return false;
  }
  const last = words[words.length - 1];
  if (!NAME_WORD.test(last) && last !== 'al.') return false;
  if (MONTHS.has(last.toLowerCase().replace(/\.$/, ''))) return false; // "(ACI, December 2023)": a date
  if (DOCUMENT_WORDS.has(last.toLowerCase().replace(/[’']s$/, ''))) return false;
  return true;
}

/**
 * The author run just before a narrative year: "…as Okafor and Lim (2024) estimate" → "Okafor and Lim".
 * `end` is the prose offset of the opening parenthesis. Returns the run's start and text, or undefined.
 */
export function authorsBefore(text: string, end: number): { start: number; authors: string } | undefined {
  let j = end;
  let spaces = 0;
  while (j > 0 && text[j - 1] === ' ') {
    j--;
    spaces++;
  }
  if (spaces > 1) return undefined;
  const tokens: { s: number; e: number; w: string }[] = [];
  let k = j;
  while (k > 0 && tokens.length < 12) {
    let s = k;
    while (s > 0 && k - s <= 60 && !/\s/.test(text[s - 1])) s--;
    if (s === k || k - s > 60) break; // no word, or a run too long to be a name
    let w = text.slice(s, k);
    let e = k;
    if (tokens.length === 0) {
      // a possessive at the year: "Smith’s (2020) model"
      const poss = /[’']s$/.exec(w);
      if (poss) {
        w = w.slice(0, -2);
        e -= 2;
      }
    }
    const bare = w.replace(/,$/, '');
    const lower = bare.toLowerCase();
    if (tokens.length === 0 && !(NAME_WORD.test(bare) || bare === 'al.')) return undefined;
    if (bare !== w && tokens.length === 0) return undefined; // "Smith, (2020)"
    const ok = (NAME_WORD.test(bare) && !RUN_STOP.has(lower)) || bare === 'al.' || bare === 'et' || bare === 'and' || bare === '&' || (LOWER_IN_NAME.has(lower) && lower !== 'the' && lower !== 'to' && lower !== 'at' && lower !== 'in' && lower !== 'on' && lower !== 'for' && lower !== 'of');
    if (!ok) break;
    tokens.push({ s, e, w: bare });
    k = s;
    while (k > 0 && text[k - 1] === ' ') k--;
    if (k > 0 && /\s/.test(text[k - 1])) break; // a line break ends the run
  }
  // trim connectors and particles at the left edge
  while (tokens.length && !NAME_WORD.test(tokens[tokens.length - 1].w)) tokens.pop();
  if (!tokens.length) return undefined;
  const start = tokens[tokens.length - 1].s;
  const authors = text.slice(start, tokens[0].e).replace(/,$/, '');
  if (!validAuthors(authors)) return undefined;
  // a lone all-caps word must not be a shouted word or a currency: "USD (2020)" is unusual; keep acronyms as organisations
  return { start, authors };
}

/** Normalised name words: lower case, no diacritics, no initials, particles or connectors. */
export function nameWords(authors: string): string[] {
  const out: string[] = [];
  for (const raw of authors.normalize('NFD').replace(/\p{M}/gu, '').split(/[\s,;&()]+/)) {
    const w = raw.replace(/[’']s$/, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();
    if (!w) continue;
    if (/^\p{L}$/u.test(w)) continue; // an initial
    if (/^(?:\p{L}\.)+\p{L}?$/u.test(w) && w.length <= 4 && !/^[a-z]\.[a-z]\.?$/.test(w)) continue;
    if (LOWER_IN_NAME.has(w) || w === 'al' || w === 'eds' || w === 'ed') continue;
    out.push(w.replace(/\./g, ''));
  }
  return out;
}

/** The first author of an author list as cited: "Lee and Park" → "Lee"; "Zhang Xiaojun, Ma Xiaoqing" → "Zhang Xiaojun". */
export function firstAuthor(authors: string): string {
  const cut = /\s+(?:and|&|und|y|et\s+al\.?)(?:\s|$)|,|;/u.exec(authors);
  return cut ? authors.slice(0, cut.index) : authors;
}

/** Same year, allowing one side to omit the letter suffix. */
export function sameYear(a: string, b: string): boolean {
  const na = a.replace(/\s/g, '').toLowerCase();
  const nb = b.replace(/\s/g, '').toLowerCase();
  if (na === nb) return true;
  const da = /^(\d{4})([a-z]?)/.exec(na);
  const db = /^(\d{4})([a-z]?)/.exec(nb);
  if (!da || !db || da[1] !== db[1]) return false;
  return !da[2] || !db[2];
}
