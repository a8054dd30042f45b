import type { ProseBlock } from '../paper';
import { fitLongForm, initialsResemblance, isGoodFit, splitWords, SMALL_WORDS, acronymLetters } from './longform';
import { looksLikeAcronym } from './tokens';

/** An acronym defined in the text, in either order. */
export interface DefinitionMatch {
  acronym: string;
  /** "long-first": Long Form (ACR); "acronym-first": ACR (Long Form). */
  form: 'long-first' | 'acronym-first';
  /** The expansion exactly as written. */
  longForm: string;
  /** Prose offsets within the block. */
  acronymStart: number;
  acronymEnd: number;
  longStart: number;
  longEnd: number;
  /** From the start of the first part to the closing parenthesis. */
  spanStart: number;
  spanEnd: number;
  /** Whether the long form's letters fit the acronym. */
  fits: boolean;
}

export interface DefinitionOptions {
  isKnownName(word: string): boolean;
  /** True when the text is the name of a knowledge-base entry (any acronym). */
  isKbName(text: string): boolean;
}

const INTRO = /^(?:(?:the|hereafter|hereinafter|henceforth|known as|or|abbreviated(?: as)?|also|thereafter|below|from now on|referred to as)\s*[:,]?\s+)*/i;
const QUOTE_OPEN = /^["“'‘«]/;
const QUOTE_CLOSE = /["”'’»]$/;
const YEARISH = /\b(1[6-9]|20)\d\d\b|\bn\.d\.|\bp\.\s*\d/;

/** Finds acronym definitions in a block: "Long Form (ACR)" and "ACR (Long Form)". */
export function findDefinitions(block: ProseBlock, options: DefinitionOptions): DefinitionMatch[] {
  const text = block.text;
  const out: DefinitionMatch[] = [];
  for (const [open, close] of parentheses(text)) {
    const inner = text.slice(open + 1, close);
    const sentenceStart = block.sentences.find((s) => s.start <= open && open < s.end)?.start ?? 0;
    const a = longFirst(text, open, close, inner, sentenceStart, options);
    if (a) {
      out.push(a);
      continue;
    }
    const b = acronymFirst(text, open, close, inner, options);
    if (b) out.push(b);
  }
  return out;
}

function parentheses(text: string): [number, number][] {
  const out: [number, number][] = [];
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') stack.push(i);
    else if (c === ')' && stack.length) {
      const open = stack.pop()!;
      if (stack.length === 0) out.push([open, i]);
    }
  }
  return out;
}

function isAcronymWord(word: string, options: DefinitionOptions): boolean {
  const base = /^[\p{Lu}\p{N}&-]*\p{Lu}s$/u.test(word) ? word.slice(0, -1) : word;
  return looksLikeAcronym(base.replace(/-/g, '')) || options.isKnownName(base);
}

/** Long Form (ACR): the parenthesis starts with the acronym. */
function longFirst(text: string, open: number, close: number, inner: string, sentenceStart: number, options: DefinitionOptions): DefinitionMatch | null {
  const intro = INTRO.exec(inner)?.[0].length ?? 0;
  let rest = inner.slice(intro);
  let lead = intro;
  if (QUOTE_OPEN.test(rest)) {
    rest = rest.slice(1);
    lead++;
  }
  const m = /^([\p{L}\p{N}&]+(?:-[\p{L}\p{N}]+)?)(?=["”'’»]?\s*(?:$|[,;:]))/u.exec(rest);
  if (!m) return null;
  let acronym = m[1];
  if (!isAcronymWord(acronym, options)) return null;
  if (/^[\p{Lu}\p{N}&-]*\p{Lu}s$/u.test(acronym) && looksLikeAcronym(acronym.slice(0, -1).replace(/-/g, ''))) acronym = acronym.slice(0, -1);
  const acronymStart = open + 1 + lead;
  const letters = acronymLetters(acronym);
  if (letters.length < 2 && !options.isKnownName(acronym)) return null;

  // the words before the parenthesis, within the sentence
  let end = open;
  while (end > sentenceStart && /\s/.test(text[end - 1])) end--;
  let closeQuote = false;
  if (end > sentenceStart && QUOTE_CLOSE.test(text[end - 1])) {
    end--;
    closeQuote = true;
  }
  const before = text.slice(sentenceStart, end);
  const words = splitWords(before);
  if (!words.length) return null;
  const maxWords = Math.min(words.length, Math.max(letters.length + 5, letters.length * 2));
  let best: { k: number; ratio: number } | null = null;
  for (let k = 1; k <= maxWords; k++) {
    const first = words[words.length - k];
    // a long form never holds its own acronym: "RCEP Pacific Data Council (RCEP)" defines nothing
    if (first.text === acronym || first.text === `${acronym}s`) break;
    // a long form does not start with a small word, unless the acronym counts it ("The Budget Lab (TBL)")
    if (SMALL_WORDS.has(first.text.toLowerCase()) && !(/^\p{Lu}/u.test(first.text) && first.text[0] === letters[0])) continue;
    const candidate = before.slice(first.start);
    if (/[;:()[\]]/.test(candidate)) break;
    const fit = fitLongForm(acronym, candidate);
    if (!isGoodFit(fit)) continue;
    const ratio = fit.initials / fit.letters;
    if (!best || ratio > best.ratio) best = { k, ratio };
    if (ratio === 1) break;
  }
  const make = (k: number, fits: boolean): DefinitionMatch => {
    let longStart = sentenceStart + words[words.length - k].start;
    if (closeQuote && longStart > 0 && QUOTE_OPEN.test(text[longStart - 1])) longStart--;
    const longEnd = closeQuote ? end + 1 : end;
    const lf = stripQuotes(text.slice(longStart, longEnd));
    return {
      acronym,
      form: 'long-first',
      longForm: lf.text,
      acronymStart,
      acronymEnd: acronymStart + acronym.length,
      longStart: longStart + lf.lead,
      longEnd: longEnd - lf.trail,
      spanStart: longStart,
      spanEnd: close + 1,
      fits,
    };
  };
  if (best) return make(best.k, true);

  // No fit: take the run of capitalised words (with small words and one ", and") before the parenthesis.
  let k = 0;
  let content = 0;
  for (let i = words.length - 1; i >= 0 && k < letters.length + 4; i--) {
    const w = words[i].text;
    const small = SMALL_WORDS.has(w.toLowerCase());
    if (!small && !/^[\p{Lu}\p{N}]/u.test(w)) break;
    // a comma may only appear before "and"/"&" inside a name
    const gap = before.slice(words[i].start + words[i].text.length, i + 1 < words.length ? words[i + 1].start : before.length);
    if (/,/.test(gap) && !/^(and|&)$/i.test(words[i + 1]?.text ?? '')) break;
    k++;
    if (!small) content++;
  }
  while (k > 0 && SMALL_WORDS.has(words[words.length - k].text.toLowerCase())) k--;
  if (content < 2 || k < 2) return null;
  const runText = before.slice(words[words.length - k].start);
  if (initialsResemblance(acronym, runText) < 0.5 && !options.isKbName(runText)) return null;
  return make(k, false);
}

/** ACR (Long Form): an acronym right before a parenthesis that holds a name. */
function acronymFirst(text: string, open: number, close: number, inner: string, options: DefinitionOptions): DefinitionMatch | null {
  let end = open;
  while (end > 0 && text[end - 1] === ' ') end--;
  const m = /([\p{L}\p{N}&]+(?:-[\p{L}\p{N}]+)?)$/u.exec(text.slice(Math.max(0, end - 40), end));
  if (!m) return null;
  let acronym = m[1];
  if (!isAcronymWord(acronym, options)) return null;
  if (/^[\p{Lu}\p{N}&-]*\p{Lu}s$/u.test(acronym) && looksLikeAcronym(acronym.slice(0, -1).replace(/-/g, ''))) acronym = acronym.slice(0, -1);
  const acronymStart = end - m[1].length;
  if (YEARISH.test(inner) || /[;]/.test(inner)) return null;
  const lead = inner.length - inner.trimStart().length;
  let body = inner.trim();
  let l = lead;
  const intro = /^(?:i\.e\.,?|the|or|also|formerly)\s+/i.exec(body);
  if (intro && !/^the\s/i.test(intro[0])) {
    body = body.slice(intro[0].length);
    l += intro[0].length;
  }
  const q = stripQuotes(body);
  body = q.text;
  l += q.lead;
  const words = splitWords(body);
  if (words.length < 2 || words.length > 15) return null;
  if (!/^[\p{Lu}]/u.test(words[0].text) && !/^the$/i.test(words[0].text)) return null;
  const content = words.filter((w) => !SMALL_WORDS.has(w.text.toLowerCase()));
  if (content.length < 2) return null;
  // "BRI (BRI 2.0)", "WTO (Rev. 3)": a version or a restatement, not an expansion
  if (words.some((w) => w.text === acronym || !/\p{L}/u.test(w.text))) return null;
  const capitalised = content.filter((w) => /^[\p{Lu}\p{N}]/u.test(w.text)).length;
  if (capitalised < content.length - 1) return null;
  if ((body.match(/,/g) ?? []).length > 1) return null;
  const longStart = open + 1 + l;
  const base: DefinitionMatch = {
    acronym,
    form: 'acronym-first',
    longForm: body,
    acronymStart,
    acronymEnd: acronymStart + acronym.length,
    longStart,
    longEnd: longStart + body.length,
    spanStart: acronymStart,
    spanEnd: close + 1,
    fits: false,
  };
  if (isGoodFit(fitLongForm(acronym, body))) return { ...base, fits: true };
  // "the Quad (the United States, Japan and Australia)": an enumeration of members, not an expansion
  const parts = body.split(/,|\band\b|&/).map((x) => x.trim()).filter(Boolean);
  if (parts.length >= 2 && parts.every((x) => splitWords(x).length <= 3) && !options.isKbName(body)) return null;
  const resemblance = initialsResemblance(acronym, body);
  if (resemblance >= 0.5 || (resemblance >= 0.3 && body[0].toUpperCase() === acronym[0]) || options.isKbName(body)) return base;
  return null;
}

function stripQuotes(s: string): { text: string; lead: number; trail: number } {
  let lead = 0;
  let trail = 0;
  let t = s;
  if (QUOTE_OPEN.test(t)) {
    t = t.slice(1);
    lead = 1;
  }
  if (QUOTE_CLOSE.test(t) && !/['’]s$/.test(t)) {
    t = t.slice(0, -1);
    trail = 1;
  }
  return { text: t, lead, trail };
}
