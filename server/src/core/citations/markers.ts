import type { Paper, ProseBlock } from '../paper';
import type { CitationItem, CitationMarker } from './types';
import { authorsBefore, parseAuthorYear, parseYearOnly } from './names';

/** A Pandoc citation key: starts with a letter, digit or _, may hold internal punctuation; or `{any key}`. */
const KEY = String.raw`\{[^{}\s]{1,120}\}|[\p{L}\d_](?:[\p{L}\d_]|[:.#$%&\-+?<>~/](?=[\p{L}\d_])){0,150}`;
const BRACKET_KEY = new RegExp(String.raw`(-?)@(${KEY})`, 'gu');
const NARRATIVE_KEY = new RegExp(String.raw`(?<![\p{L}\d_@.\\])@(${KEY})`, 'gu');
const NUMERIC = /\[(\d{1,3}(?:\s*[-–—]\s*\d{1,3})?(?:\s*[,;]\s*\d{1,3}(?:\s*[-–—]\s*\d{1,3})?)*)\](?![(:])/g;
const PANDOC_SUPERSCRIPT = /\^(\d{1,3})\^/g;
const UNDEFINED_FOOTNOTE = /\[\^([^\]\s]{1,60})\](?!:)/g;
const SUP_HTML = /<sup>\s*(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\s*<\/sup>/gi;

export interface BlockScan {
  markers: CitationMarker[];
  /** The block's prose with citation markers and inline notes blanked out (same length, same offsets). */
  mask: string;
}

export interface ScanOptions {
  /** Recognise a narrative `@key` outside brackets (the paper uses Pandoc citations). */
  pandoc: boolean;
  inNote: boolean;
}

/** Every citation marker of one block, in prose order. Linear in the block's length. */
export function scanBlock(paper: Paper, block: ProseBlock, options: ScanOptions): BlockScan {
  const text = block.text;
  const markers: CitationMarker[] = [];
  const blank: [number, number][] = [];
  const src = (s: number, e: number) => paper.sourceRange(block, s, e);
  const add = (kind: CitationMarker['kind'], start: number, end: number, items: CitationItem[], mask: boolean | number = true) => {
    markers.push({ kind, block, start, end, range: src(start, end), items, inNote: options.inNote });
    // `mask` may give where blanking starts (a narrative citation keeps its author words, which read as prose)
    const from = typeof mask === 'number' ? mask : start;
    if (mask !== false && end > from) blank.push([from, end]);
  };
  const item = (start: number, end: number, extra: Partial<CitationItem>): CitationItem => ({ start, end, range: src(start, end), ...extra });
  // prose offsets inside a Pandoc citation or an inline note: other patterns skip them (O(1) per test)
  let taken: Uint8Array | undefined;
  const take = (s: number, e: number) => {
    taken ??= new Uint8Array(text.length);
    taken.fill(1, s, e);
  };
  const isTaken = (o: number) => taken !== undefined && taken[o] === 1;
  const pairs = text.includes('[') ? matchBrackets(text) : undefined;
  /** The `]` matching the `[` at `open` within `max` characters, or -1. */
  const findClose = (open: number, max: number) => {
    const close = pairs ? pairs[open] : -1;
    return close > open && close - open <= max ? close : -1;
  };
  // inline notes hold their own citations ("^[see @a; @b]"): narrative keys inside them still count
  let inNote: Uint8Array | undefined;
  const isInNote = (o: number) => inNote !== undefined && inNote[o] === 1;

  // Pandoc inline notes ^[…] (brackets may nest)
  for (let i = text.indexOf('^['); i >= 0; i = text.indexOf('^[', i + 1)) {
    const j = findClose(i + 1, 8000);
    if (j < 0) continue;
    add('inline-note', i, j + 1, [item(i, j + 1, {})]);
    inNote ??= new Uint8Array(text.length);
    inNote.fill(1, i, j + 1);
    i = j;
  }

  // Pandoc bracketed citations [see @a, p. 3; -@b]
  for (let i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) {
    if (text[i - 1] === '^') continue;
    const at = text.indexOf('@', i);
    if (at < 0) break; // no key anywhere after this
    const close = findClose(i, 1000);
    if (close < 0 || at > close) continue;
    const inner = text.slice(i + 1, close);
    const items: CitationItem[] = [];
    BRACKET_KEY.lastIndex = 0;
    for (let m = BRACKET_KEY.exec(inner); m; m = BRACKET_KEY.exec(inner)) {
      const at = i + 1 + m.index;
      const before = inner[m.index - 1];
      if (before !== undefined && !/[\s;,[(]/.test(before)) continue; // an e-mail address
      const key = m[2].startsWith('{') ? m[2].slice(1, -1) : m[2];
      items.push(item(at, at + m[0].length, { key, suppressAuthor: m[1] === '-' }));
    }
    if (!items.length) continue;
    add('pandoc', i, close + 1, items);
    take(i, close + 1);
  }

  // narrative @key
  if (options.pandoc) {
    NARRATIVE_KEY.lastIndex = 0;
    for (let m = NARRATIVE_KEY.exec(text); m; m = NARRATIVE_KEY.exec(text)) {
      const s = m.index;
      if (isTaken(s)) continue;
      const key = m[1].startsWith('{') ? m[1].slice(1, -1) : m[1];
      add('pandoc', s, s + m[0].length, [item(s, s + m[0].length, { key })], false);
    }
  }

  // parentheticals: (Smith, 2020; Lee and Park 2022), (2020) after a narrative author, (Author, Year). The one
  // opening at `i`, read by a function of its own: the variables its closures capture would otherwise be made
  // afresh for every character the loop below passes
  const parenthetical = (i: number): number => {
    const close = findParenClose(text, i);
    if (close < 0) return i;
    const content = normaliseCjk(text.slice(i + 1, close));
    if (/^\s*Author,?\s+Year\s*$/.test(content)) {
      add('placeholder', i, close + 1, [item(i, close + 1, { authors: 'Author', year: 'Year', unresolvable: true })]);
      return close;
    }
    const years = parseYearOnly(content);
    if (years) {
      const who = authorsBefore(text, i);
      if (who) {
        add('narrative', who.start, close + 1, years.map((year) => item(who.start, close + 1, { authors: who.authors, year })), i);
        if (isLabel(paper, block, who.start, i, close)) markers[markers.length - 1].weak = true;
        return close;
      }
      return i;
    }
    if (!/\d|n\.\s?d\.|forthcoming|in press|ibid/i.test(content)) return i;
    const items: CitationItem[] = [];
    let off = 0;
    let ok = true;
    for (const part of content.split(';')) {
      const at = i + 1 + off;
      off += part.length + 1;
      if (!part.trim()) continue;
      if (/^\s*ibid\.?(?:,|\s|$)/i.test(part)) {
        items.push(item(at, at + part.length, { unresolvable: true }));
        continue;
      }
      const ay = parseAuthorYear(part);
      if (!ay) {
        // a named source without a year beside author–year items: "(Bown and Kolb 2021; PIIE tariff tracker)"
        if (/^\s*[\p{Lu}“"]/u.test(part) && part.trim().split(/\s+/).length <= 8) continue;
        ok = false;
        break;
      }
      for (const year of ay.years) items.push(item(at + ay.start, at + ay.end, { authors: ay.authors, year }));
    }
    if (!ok || !items.length) return i;
    add('author-year', i, close + 1, items);
    return close;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0xff08) i = parenthetical(i); // ( （
  }

  // numeric [1], [2–4], [1, 3]; Pandoc superscripts ^1^; HTML <sup>1</sup>
  NUMERIC.lastIndex = 0;
  for (let m = NUMERIC.exec(text); m; m = NUMERIC.exec(text)) {
    if (text[m.index - 1] === '^' || isTaken(m.index) || isInNote(m.index)) continue;
    if (/(?:^|[^\d])0(?:$|[^\d.])/.test(m[1])) continue; // [0,1]: an interval, not a note
    add('numeric', m.index, m.index + m[0].length, expandNumbers(m[1]).map((number) => item(m!.index, m!.index + m![0].length, { number })));
  }
  PANDOC_SUPERSCRIPT.lastIndex = 0;
  for (let m = PANDOC_SUPERSCRIPT.exec(text); m; m = PANDOC_SUPERSCRIPT.exec(text)) {
    add('numeric', m.index, m.index + m[0].length, [item(m.index, m.index + m[0].length, { number: Number(m[1]) })]);
  }
  const source = paper.text.slice(block.range.start, block.range.end);
  if (source.includes('<sup>') || source.includes('<SUP>')) {
    SUP_HTML.lastIndex = 0;
    for (let m = SUP_HTML.exec(source); m; m = SUP_HTML.exec(source)) {
      const digitsAt = block.range.start + m.index + m[0].indexOf(m[1]);
      const p = proseIndexAt(block, digitsAt);
      if (p < 0) continue;
      const len = m[1].length;
      add('numeric', p, p + len, expandNumbers(m[1]).map((number) => item(p, p + len, { number })));
    }
  }

  // footnotes: parsed references, and [^x] left as text because no definition exists
  for (const ref of block.footnoteRefs) {
    markers.push({ kind: 'footnote', block, start: ref.proseOffset, end: ref.proseOffset, range: ref.range, items: [{ start: ref.proseOffset, end: ref.proseOffset, range: ref.range, label: ref.label }], inNote: options.inNote });
  }
  UNDEFINED_FOOTNOTE.lastIndex = 0;
  for (let m = UNDEFINED_FOOTNOTE.exec(text); m; m = UNDEFINED_FOOTNOTE.exec(text)) {
    add('footnote', m.index, m.index + m[0].length, [item(m.index, m.index + m[0].length, { label: m[1].toLowerCase() })]);
  }

  // links and bare URLs (not in-page anchors or e-mail)
  for (const link of block.links) {
    if (/^(?:#|mailto:)/i.test(link.url)) continue;
    add('link', link.start, link.end, [item(link.start, link.end, { url: link.url })], false);
  }

  markers.sort((a, b) => a.start - b.start || a.end - b.end);
  let mask = text;
  const dollars = text.includes('\uFFFC');
  if (blank.length) {
    // the blanked ranges in order (they may overlap): every character but a line break becomes a space
    blank.sort((a, b) => a[0] - b[0]);
    let out = '';
    let pos = 0;
    for (const [s, e] of blank) {
      const from = Math.max(s, pos);
      if (e <= from) continue;
      out += text.slice(pos, from) + text.slice(from, e).replace(/[^\n]/g, ' ');
      pos = e;
    }
    mask = out + text.slice(pos);
  }
  if (dollars) {
    // a "$" that the Markdown parser took for the start of inline math: keep it a dollar sign for the claim checks
    const chars = mask.split('');
    for (let k = 0; k < chars.length; k++) if (chars[k] === '\uFFFC' && paper.text[block.map[k] + block.base] === '$') chars[k] = '$';
    mask = chars.join('');
  }
  return { markers, mask };
}

/** A narrative "Name (2019)" used as a label: followed by a colon, emphasised, or standing alone. */
function isLabel(paper: Paper, block: ProseBlock, start: number, open: number, close: number): boolean {
  const text = block.text;
  if (/^\s*[:：]/.test(text.slice(close + 1, close + 4))) return true;
  if (!text.slice(0, start).trim() && !text.slice(close + 1).replace(/[.:\s]/g, '')) return true;
  // the author run is emphasised in the source: "**Huawei Technologies** (2019)"
  let k = block.map[open] + block.base - 1;
  while (k > 0 && paper.text[k] === ' ') k--;
  if (/[*_]/.test(paper.text[k] ?? '') || /[*_]/.test(paper.text[block.map[start] + block.base - 1] ?? '')) return true;
  return false;
}

/** True when the paper writes Pandoc citations anywhere (so a bare `@key` is a citation too). */
export function hasBracketedKeys(text: string): boolean {
  return /\[(?:[^\]\n]{0,200}[\s;,])?-?@[\p{L}\d_{]/u.test(text);
}

/** For every `[`, the index of its matching `]` (or -1): one pass with a stack. */
function matchBrackets(text: string): Int32Array {
  const out = new Int32Array(text.length).fill(-1);
  const stack: number[] = [];
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 91 /* [ */) stack.push(j);
    else if (c === 93 /* ] */ && stack.length) out[stack.pop()!] = j;
  }
  return out;
}

function findParenClose(text: string, open: number): number {
  const limit = Math.min(text.length, open + 400);
  for (let j = open + 1; j < limit; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x29 || c === 0xff09) return j; // ) ）
    if (c === 0x28 || c === 0xff08 || c === 0x0a) return -1; // ( （ newline
  }
  return -1;
}

/** Full-width CJK punctuation to ASCII, one character for one (offsets stay). */
function normaliseCjk(s: string): string {
  return s.replace(/[，、]/g, ',').replace(/；/g, ';').replace(/：/g, ':');
}

/** "2–4, 7" → [2, 3, 4, 7]; ranges are capped so a typo cannot explode. */
export function expandNumbers(s: string): number[] {
  const out: number[] = [];
  for (const part of s.split(/[,;]/)) {
    const r = /^\s*(\d+)\s*(?:[-–—]\s*(\d+))?\s*$/.exec(part);
    if (!r) continue;
    const a = Number(r[1]);
    const b = r[2] ? Number(r[2]) : a;
    if (b >= a && b - a <= 50) for (let n = a; n <= b; n++) out.push(n);
    else out.push(a, b);
  }
  return out;
}

/** The prose index whose source offset is `offset` (or the first after it), or -1. Binary search on the map. */
export function proseIndexAt(block: ProseBlock, source: number): number {
  const map = block.map;
  const offset = source - block.base;
  let lo = 0;
  let hi = map.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid] >= offset) {
      ans = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return ans >= 0 && map[ans] === offset ? ans : -1;
}
