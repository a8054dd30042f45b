/** A word, a number or a punctuation mark of a sentence, with offsets into the text it was cut from. */
export interface Tok {
  text: string;
  /** Lower case, without a possessive ending ("China’s" → "china"). */
  norm: string;
  start: number;
  end: number;
  kind: 'word' | 'num' | 'punct';
  /** The word ends in a possessive ’s / 's (or s’). */
  possessive: boolean;
  /** First character is an upper-case letter. */
  cap: boolean;
}

const TOKEN = /[\p{L}\p{M}][\p{L}\p{M}\p{N}'’.\-&]*|\d[\d,.]*|\S/gu;

/** Splits text into tokens: linear, one pass of one regex. */
export function tokenize(text: string, offset = 0, end = text.length): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = offset;
  for (let m = TOKEN.exec(text); m && m.index < end; m = TOKEN.exec(text)) {
    let t = m[0];
    const start = m.index;
    if (start + t.length > end) t = t.slice(0, end - start);
    const c = t.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      // a number: trailing separators belong to the prose ("in 2022, the…", "…was 5.")
      let cut = t.length;
      while (cut > 1 && (t[cut - 1] === ',' || t[cut - 1] === '.')) cut--;
      push(out, t.slice(0, cut), start, 'num');
      for (let i = cut; i < t.length; i++) push(out, t[i], start + i, 'punct');
      continue;
    }
    if (c < 128 ? isAsciiLetter(c) : /^[\p{L}\p{M}]/u.test(t)) {
      // trailing hyphens and ampersands are punctuation (an apostrophe stays: "exporters’")
      let cut = t.length;
      while (cut > 1 && (t.charCodeAt(cut - 1) === 0x2d || t.charCodeAt(cut - 1) === 0x26)) cut--;
      // trailing dots end the sentence unless the word is a dotted abbreviation ("U.S.", "e.g.")
      if (t.endsWith('.') && !/\.\p{L}/u.test(t.slice(0, -1)) && !/^(?:\p{L}\.)+$/u.test(t)) cut = Math.min(cut, t.length - 1);
      push(out, t.slice(0, cut), start, 'word');
      for (let i = cut; i < t.length; i++) push(out, t[i], start + i, 'punct');
      continue;
    }
    push(out, t, start, 'punct');
  }
  return out;
}

function push(out: Tok[], text: string, start: number, kind: Tok['kind']): void {
  let norm = lowerCase(text);
  let possessive = false;
  if (kind === 'word') {
    // ’s / 's (drop both) or s’ / s' (drop the apostrophe): possessive; any other final apostrophe is dropped
    const last = norm.charCodeAt(norm.length - 1);
    const before = norm.charCodeAt(norm.length - 2);
    const quoteS = last === 0x73 && isApostrophe(before);
    const sQuote = isApostrophe(last) && before === 0x73;
    if ((quoteS || sQuote) && norm.length > 2) {
      possessive = true;
      norm = sQuote ? norm.slice(0, -1) : norm.slice(0, -2);
    } else if (isApostrophe(last)) {
      norm = norm.slice(0, -1);
    }
  }
  const c = text.charCodeAt(0);
  out.push({ text, norm, start, end: start + text.length, kind, possessive, cap: c < 128 ? c >= 0x41 && c <= 0x5a : /^\p{Lu}/u.test(text) });
}

/** `s.toLowerCase()`, without a call when `s` is ASCII with no capital (most tokens). */
function lowerCase(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || (c >= 0x41 && c <= 0x5a)) return s.toLowerCase();
  }
  return s;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019;
}

/** Crude singular of a lower-case word ("countries" → "country", "exports" → "export"). */
export function singular(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(ss|us|is|ics)$/.test(w)) return w;
  if (/(ches|shes|xes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}
