/**
 * Matching long forms to acronyms. The reference method is Schwartz & Hearst (2003): the acronym's characters
 * must appear in order in the long form, the first one at the start of a word. We go beyond it:
 * - hyphenated and slashed compounds contribute one initial per part ("Indo-Pacific" → I, P);
 * - small words ("of", "and", "for", "the", "&", …) may be skipped or used;
 * - digits in the acronym (G20, B3W) are not required to appear;
 * - a fit is scored by how many acronym letters sit at word starts, so garbled expansions are told apart from
 *   expansions that borrow letters from inside words (ASEAN ← Association of Southeast Asian Nations).
 */

export const SMALL_WORDS = new Set([
  'a', 'an', 'the', 'of', 'and', 'for', 'on', 'in', 'to', 'with', 'at', 'by', 'from', 'or', 'its', 'as', 'into', 'via',
  '&', 'de', 'la', 'le', 'du', 'des', 'et', 'und', 'für', 'y', 'del', 'los', 'las',
]);

export interface Word {
  text: string;
  /** Offset of the word within the string it was split from. */
  start: number;
}

/** Words of a long form; hyphens, slashes and en dashes separate words. */
export function splitWords(s: string): Word[] {
  const out: Word[] = [];
  const re = /[\p{L}\p{N}&][\p{L}\p{N}'’.]*/gu;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    let text = m[0].replace(/['’]s$/u, '').replace(/\.+$/, '');
    if (text) out.push({ text, start: m.index });
  }
  return out;
}

/** Letters of an acronym as they must be matched: upper-cased, digits and punctuation dropped. */
export function acronymLetters(acronym: string): string {
  return acronym.replace(/[^\p{L}]/gu, '').toUpperCase();
}

export interface Fit {
  /** Letters of the acronym matched at the start of a word. */
  initials: number;
  /** Letters of the acronym. */
  letters: number;
  /** Content words between the first and the last matched word that contribute no letter. */
  skipped: number;
}

/**
 * Whether `longForm` can expand `acronym`: every letter of the acronym in order, the first at the start of the
 * first word. Returns the best fit (most letters at word starts) or null.
 */
export function fitLongForm(acronym: string, longForm: string): Fit | null {
  const letters = acronymLetters(acronym);
  const words = splitWords(longForm).map((w) => w.text);
  if (!letters.length || !words.length) return null;
  // chars of the long form with word-start flags
  const chars: { c: string; wordStart: boolean; word: number }[] = [];
  words.forEach((w, wi) => {
    const up = w.toUpperCase();
    for (let k = 0; k < up.length; k++) chars.push({ c: up[k], wordStart: k === 0, word: wi });
  });
  if (chars[0].c !== letters[0] || (SMALL_WORDS.has(words[0].toLowerCase()) && !/^\p{Lu}/u.test(words[0]))) {
    // a leading small word may be dropped ("the", "of")
    if (!SMALL_WORDS.has(words[0].toLowerCase()) || words.length < 2) return null;
    return fitLongForm(acronym, words.slice(1).join(' '));
  }
  // dp over (letter i, char j): the best alignment of letters[i..] with chars[j..], scored by word-start
  // matches (each worth 2) minus content words skipped between matches (each costing 1)
  const n = letters.length;
  const m = chars.length;
  const NONE = -1e9;
  const small = words.map((w) => SMALL_WORDS.has(w.toLowerCase()));
  const memo = new Map<number, { score: number; next: number }>();
  const best = (i: number, j: number, lastWord: number): number => {
    if (i === n) return 0;
    if (j >= m) return NONE;
    const key = (i * (m + 1) + j) * (words.length + 1) + lastWord;
    const hit = memo.get(key);
    if (hit) return hit.score;
    let result = NONE;
    let next = -1;
    for (let k = j; k < m; k++) {
      if (chars[k].c !== letters[i]) continue;
      const rest = best(i + 1, k + 1, chars[k].word);
      if (rest === NONE) continue;
      let skipped = 0;
      for (let w = lastWord + 1; w < chars[k].word; w++) if (!small[w]) skipped++;
      const score = rest + (chars[k].wordStart ? 2 : 0) - skipped;
      if (score > result) {
        result = score;
        next = k;
      }
    }
    memo.set(key, { score: result, next });
    return result;
  };
  if (best(1, 1, 0) === NONE) return null;
  // walk the best alignment to count initials and skipped words
  let initialsCount = 1;
  let skipped = 0;
  let last = 0;
  for (let i = 1, j = 1; i < n; i++) {
    const k = memo.get((i * (m + 1) + j) * (words.length + 1) + last)!.next;
    if (chars[k].wordStart) initialsCount++;
    for (let w = last + 1; w < chars[k].word; w++) if (!small[w]) skipped++;
    last = chars[k].word;
    j = k + 1;
  }
  return { initials: initialsCount, letters: n, skipped };
}

/**
 * A plausible expansion: letters in order, at least half of them at word starts, and — unless every letter is
 * a word's initial — no more than one content word in three left out between the matched ones ("Agreement" in
 * CPTPP's name is fine; an expansion that skips "Community" and "West" and borrows a "c" to spell EAC is not).
 */
export function isGoodFit(f: Fit | null): f is Fit {
  if (f === null || f.initials * 2 < f.letters) return false;
  // every letter at a word start ("India-Middle East-Europe Economic Corridor (IMEC)"): skipped words are fine
  if (f.initials === f.letters) return f.skipped <= f.letters;
  return f.skipped <= Math.max(1, Math.floor(f.letters / 3));
}

export function fits(acronym: string, longForm: string): boolean {
  return isGoodFit(fitLongForm(acronym, longForm));
}

/** Initials of the content words (small words skipped), hyphenated parts counted separately. */
export function initials(longForm: string): string {
  return splitWords(longForm)
    .filter((w) => !SMALL_WORDS.has(w.text.toLowerCase()))
    .map((w) => w.text[0].toUpperCase())
    .join('');
}

/** Length of the longest common subsequence of two strings. */
export function lcs(a: string, b: string): number {
  const prev = new Array(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(prev[j], prev[j - 1]);
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** How well the initials of a long form resemble an acronym (0–1): LCS of initials and letters over the longer. */
export function initialsResemblance(acronym: string, longForm: string): number {
  const a = acronymLetters(acronym);
  const i = initials(longForm);
  if (!a.length || !i.length) return 0;
  return lcs(a, i) / Math.max(a.length, i.length);
}

const SPELLING: [RegExp, string][] = [
  [/isation/g, 'ization'],
  [/ise\b/g, 'ize'],
  [/centre/g, 'center'],
  [/programme/g, 'program'],
  [/defence/g, 'defense'],
  [/labour/g, 'labor'],
  [/southeast/g, 'south east'],
  [/northeast/g, 'north east'],
];

/** Normalised content words of a long form, for comparing two expansions. */
export function normalWords(longForm: string): string[] {
  let s = longForm.toLowerCase().replace(/[‐‑–—-]/g, ' ').replace(/&/g, ' and ');
  for (const [re, to] of SPELLING) s = s.replace(re, to);
  return splitWords(s)
    .map((w) => w.text.replace(/['’.]/g, ''))
    .filter((w) => w && !SMALL_WORDS.has(w))
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

/** A canonical key: two long forms with the same key are the same expansion written differently. */
export function longFormKey(longForm: string): string {
  return normalWords(longForm).join(' ');
}

/** Damerau–Levenshtein distance (optimal string alignment), capped: returns cap+1 when larger. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array(b.length + 1).fill(0));
    rows[i][0] = i;
  }
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2][j - 2] + 1);
      rows[i][j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > cap) return cap + 1;
  }
  return rows[a.length][b.length];
}
