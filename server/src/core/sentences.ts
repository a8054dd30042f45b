import type { Sentence } from './paper';

/** Words that end with a period without ending a sentence. Lower-case, without the final period. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'gen', 'gov', 'sen', 'rep', 'pres', 'amb', 'col', 'lt', 'capt', 'hon',
  'inc', 'ltd', 'co', 'corp', 'bros', 'dept', 'univ', 'assn', 'est', 'govt',
  'e.g', 'i.e', 'cf', 'vs', 'viz', 'al', 'etc', 'approx', 'ca', 'circa', 'ibid', 'op', 'cit', 'resp',
  'no', 'nos', 'vol', 'vols', 'p', 'pp', 'ch', 'chap', 'sec', 'fig', 'figs', 'eq', 'ed', 'eds', 'trans', 'art', 'para', 'n',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'a.m', 'p.m', 'no', 'bn', 'mn', 'tn',
]);

/** Words that start a new sentence after an ambiguous abbreviation such as "U.S.". */
const SENTENCE_STARTERS = new Set([
  'The', 'This', 'That', 'These', 'Those', 'It', 'Its', 'In', 'On', 'At', 'As', 'A', 'An', 'But', 'However', 'Yet', 'And', 'So',
  'Such', 'We', 'They', 'He', 'She', 'There', 'Their', 'Our', 'Meanwhile', 'Moreover', 'Furthermore', 'Nevertheless', 'Thus',
  'Therefore', 'For', 'With', 'While', 'When', 'If', 'Although', 'By', 'After', 'Before', 'Since', 'Despite', 'Instead',
  'Still', 'Both', 'Each', 'Many', 'Most', 'Some', 'Other', 'Others', 'What', 'Why', 'How', 'Not', 'Only', 'Today', 'Now',
]);

const BOUNDARY = /[.!?。！？]+["'”’»)\]]*/g;

/** Splits a paragraph's prose into sentences with exact offsets; whitespace between sentences is excluded. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = skipSpace(text, 0);
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    const end = m.index + m[0].length;
    const cjk = /[。！？]/.test(m[0]);
    if (!cjk && end < text.length && !/\s/.test(text[end])) continue; // "3.5", "U.S.-led", "example.com"
    if (!isBoundary(text, m.index, end, m[0])) continue;
    if (end > start) push(sentences, text, start, end);
    start = skipSpace(text, end);
  }
  if (start < text.length) push(sentences, text, start, trimEnd(text, text.length));
  return sentences;
}

function push(out: Sentence[], text: string, start: number, end: number): void {
  const e = trimEnd(text, end);
  if (e > start) out.push({ start, end: e, text: text.slice(start, e) });
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

function trimEnd(text: string, i: number): number {
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  return i;
}

function isBoundary(text: string, punct: number, end: number, mark: string): boolean {
  if (mark[0] !== '.') return true; // ! ? and CJK stops always end a sentence
  const next = skipSpace(text, end);
  if (next >= text.length) return true;
  const after = text.slice(next);
  // the next sentence starts with a capital, a digit, a quote, a bracket or a CJK character
  if (!/^[\p{Lu}\p{Lo}\d"'“‘(\[*]/u.test(after)) return false;
  const before = /([\p{L}\p{N}.]+)$/u.exec(text.slice(Math.max(0, punct - 40), punct))?.[1] ?? '';
  if (!before) return true;
  const word = before.toLowerCase();
  if (ABBREVIATIONS.has(word)) return /^\d/.test(after) ? false : word === 'etc' ? startsSentence(after) : false;
  // a single capital letter is an initial ("J. Smith"), unless it is a list label at the start
  if (/^\p{Lu}$/u.test(before)) return false;
  // dotted abbreviations: U.S., U.K., E.U., p.m. — end a sentence only before a typical sentence opener
  if (/^(\p{L}\.)+\p{L}$/u.test(before)) return startsSentence(after);
  return true;
}

function startsSentence(after: string): boolean {
  const w = /^["'“‘(]?(\p{L}+)/u.exec(after)?.[1] ?? '';
  return SENTENCE_STARTERS.has(w);
}
