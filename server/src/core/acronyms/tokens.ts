import type { ProseBlock } from '../paper';

/** Where a token sits, for rules that must stay quiet in some places. */
export type TokenContext =
  | 'body'
  | 'heading'
  | 'references' // in a References / Bibliography section
  | 'citation' // inside a parenthetical citation such as "(OECD, 2022)"
  | 'shouting'; // a run of words in capitals ("DO NOT SIGN THIS")

export interface AcronymToken {
  /** Base form without plural or possessive: "NGO" for "NGOs". */
  acronym: string;
  /** Prose offsets of the base form within the block. */
  proseStart: number;
  proseEnd: number;
  block: ProseBlock;
  plural: boolean;
  possessive: boolean;
  context: TokenContext;
  /** Joined by a hyphen to a capitalised word, as in "ISEAS-Yusof": part of a longer name. */
  inName: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:&[\p{L}\p{N}]+)*/gu;
const ALL_CAPS = /^(?=(?:[^\p{Lu}]*\p{Lu}){2})[\p{Lu}\p{N}&]+$/u;
const LETTER_DIGITS = /^\p{Lu}\d{1,3}$/u;
/** "OECD (2022)": an organisation cited by name with the year in parentheses. */
const NARRATIVE_CITATION = /^['’]?s?\s*[([](?:(?:1[6-9]|20)\d\d[a-z]?|n\.d\.)\b/;
const YEAR = /\b(1[6-9]|20)\d\d[a-z]?\b|\bn\.d\./;

export interface TokenOptions {
  /** Accepts tokens that are not all capitals, such as "Quad" or "G7" (known names). */
  isKnownName(word: string): boolean;
  /** An English word often written in capitals for emphasis: NOT, AND, THE. */
  isCapsWord(word: string): boolean;
}

/**
 * Whether [s, e) lies inside one of the spans. (A function, not a closure in the loop over words: a closure there
 * would capture the loop's variables, which V8 then allocates afresh for every word.)
 */
function within(spans: [number, number][], s: number, e: number): boolean {
  for (const [a, b] of spans) if (s >= a && e <= b) return true;
  return false;
}

function startsLowerAscii(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 97 && c <= 122;
}

/** True for a word written like an acronym: two or more capitals and no lower-case letters. */
export function looksLikeAcronym(word: string): boolean {
  return ALL_CAPS.test(word);
}

/** Every acronym-like token of a block, with its context. */
export function acronymTokens(block: ProseBlock, options: TokenOptions): AcronymToken[] {
  const text = block.text;
  const words: { w: string; s: number; e: number }[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) words.push({ w: m[0], s: m.index, e: m.index + m[0].length });
  // most words start with a lower-case ASCII letter: such a word is neither all capitals nor a name, and is skipped
  // without the Unicode tests below (which could only fail on it)
  const caps = words.map((x) => !startsLowerAscii(x.w) && /^[\p{Lu}\p{N}&]+$/u.test(x.w) && /\p{Lu}/u.test(x.w));
  const out: AcronymToken[] = [];
  const citationSpans = parentheticalCitations(text);
  const allCapsBlock = words.length >= 2 && caps.filter(Boolean).length >= Math.max(2, words.length * 0.8);
  for (let i = 0; i < words.length; i++) {
    const { w, s, e } = words[i];
    if (startsLowerAscii(w)) continue;
    let base = w;
    let plural = false;
    if (/^[\p{Lu}\p{N}&]*\p{Lu}s$/u.test(w) && ALL_CAPS.test(w.slice(0, -1))) {
      base = w.slice(0, -1);
      plural = true;
    }
    const acronymLike = ALL_CAPS.test(base);
    if (!acronymLike && !(LETTER_DIGITS.test(base) || /\p{Lu}/u.test(base[0] ?? '')) ) continue;
    if (!acronymLike && !options.isKnownName(base)) continue;
    const possessive = /^['’]s\b/u.test(text.slice(e, e + 3));
    const end = s + base.length;
    let context: TokenContext = 'body';
    if (block.kind === 'heading') context = 'heading';
    else if (block.section?.isReferences) context = 'references';
    else if (within(citationSpans, s, end) || NARRATIVE_CITATION.test(text.slice(e, e + 16))) context = 'citation';
    if (acronymLike && (allCapsBlock || options.isCapsWord(base) || shoutingRun(words, caps, i, options))) context = 'shouting';
    const hyphenBefore = s > 0 && /[-‐‑]/.test(text[s - 1]) && /\p{Ll}/u.test(words[i - 1]?.w ?? '') && words[i - 1]?.e === s - 1;
    const hyphenAfter = /[-‐‑]/.test(text[e] ?? '') && words[i + 1]?.s === e + 1 && /^\p{Lu}\p{Ll}/u.test(words[i + 1]?.w ?? '');
    out.push({
      acronym: base,
      proseStart: s,
      proseEnd: end,
      block,
      plural,
      possessive,
      context,
      inName: hyphenAfter || (hyphenBefore && /^\p{Lu}/u.test(words[i - 1]?.w ?? '')),
    });
  }
  return out;
}

/** A run of words in capitals that holds an ordinary English word ("DO NOT SIGN") is emphasis, not acronyms. */
function shoutingRun(words: { w: string }[], caps: boolean[], i: number, options: TokenOptions): boolean {
  let a = i;
  let b = i;
  while (a > 0 && caps[a - 1]) a--;
  while (b + 1 < caps.length && caps[b + 1]) b++;
  if (a === b) return false;
  for (let k = a; k <= b; k++) if (options.isCapsWord(words[k].w)) return true;
  return false;
}

/** Spans [start, end) of parentheses and brackets that hold a citation (a year, or "n.d."). */
export function parentheticalCitations(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const re = /[([][^()[\]]*[)\]]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (YEAR.test(m[0])) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}
