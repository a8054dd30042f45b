import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMath from 'remark-math';
import type { Nodes, Root, RootContent, PhrasingContent } from 'mdast';
import type { OffsetRange } from './types';
import { detachedString, LineIndex } from './text';
import { splitSentences } from './sentences';
import { parseSuppressions, type Suppressions } from './suppress';
import { fromMarkdown, type Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import { combineExtensions } from 'micromark-util-combine-extensions';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { frontmatter } from 'micromark-extension-frontmatter';
import { math } from 'micromark-extension-math';
import type { Extension } from 'micromark-util-types';
import { AnalysisCache } from './cache';
import { runSync, type Steps } from './steps';
import { normalizeLabel, planChunkSteps, referencesIn, stubsFor, type ChunkPlan } from './chunks';

export type BlockKind = 'paragraph' | 'heading' | 'tableCell';

/** For each prose character, its offset in the parsed source (see `ProseBlock.map`). */
export type ProseMap = Int32Array | Uint16Array;

export interface Section {
  /** Heading text (prose). */
  title: string;
  depth: number;
  /** Source range of the heading line. */
  range: OffsetRange;
  /** Titles from the outermost heading to this one. */
  path: string[];
  /** References / Bibliography / Works cited / Notes section. */
  isReferences: boolean;
}

export interface Sentence {
  /** Offsets into the block's prose text. */
  start: number;
  end: number;
  text: string;
}

export interface LinkInfo {
  url: string;
  /** Prose offsets of the link text within the block. */
  start: number;
  end: number;
}

export interface FootnoteRef {
  label: string;
  range: OffsetRange;
  /** Prose offset where the reference sits (it contributes no prose text). */
  proseOffset: number;
}

/** A run of prose: a paragraph, a heading or a table cell, with a map back to the source. */
export interface ProseBlock {
  index: number;
  kind: BlockKind;
  /** Heading depth (1–6) for headings. */
  depth: number;
  /** Source range of the whole block node. */
  range: OffsetRange;
  /** The block's prose: text of its inline content, without markup, code, HTML, URLs or math. */
  text: string;
  /**
   * map[i] + base is the source offset of text[i]. (The map is shared with the block's cached chunk, whose offsets
   * are relative to it; only `base` changes when an edit before the block moves it.)
   */
  map: ProseMap;
  base: number;
  sentences: Sentence[];
  links: LinkInfo[];
  footnoteRefs: FootnoteRef[];
  /** The section the block belongs to (for a heading: the section it opens). */
  section: Section | undefined;
  inList: boolean;
  inQuote: boolean;
  /** Label of the footnote definition the block sits in. */
  footnote: string | undefined;
  /** For table cells: true in the header row. */
  tableHeader: boolean;
  /** Index into `paper.lists` of the innermost list the block sits in (undefined outside lists). */
  listId?: number;
  /** 0-based index of the item of that list the block belongs to. */
  listItem?: number;
  /**
   * The block as its chunk's cached parse holds it (offsets relative to the chunk): the same object in every
   * analysis while the chunk's text is unchanged, so facts of the block are cached by it (`AnalysisCache.memo`).
   * Facts that depend on more than the chunk (the section, what comes before the chunk) must key that too.
   */
  origin?: object;
}

/** A Markdown list (bullets or numbers): where it is and how many items it has. */
export interface ListInfo {
  id: number;
  ordered: boolean;
  /** Number of the first item of an ordered list (1 unless the list starts elsewhere). */
  start: number;
  /** Number of top-level items. */
  itemCount: number;
  /** Source range of the whole list. */
  range: OffsetRange;
  /** Source range of each item. */
  items: OffsetRange[];
  /** The list this one is nested in. */
  parentId: number | undefined;
}

export interface FrontMatter {
  range: OffsetRange;
  /** The YAML text between the fences. */
  raw: string;
  /** Source offset of `raw`'s first character. */
  rawStart: number;
}

/** Replaces content the prose skips but whose place matters (inline code, math, images). */
export const PLACEHOLDER = '\uFFFC';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkMath).freeze();
const processorData = processor.data() as { fromMarkdownExtensions: FromMarkdownExtension[] };
/**
 * The syntax extensions remark-gfm, remark-frontmatter and remark-math add, in their order. A chunk is parsed only
 * with those whose marker characters it contains: each extension costs time at every character or line it may
 * start at (autolink literals at every word: about as much as the rest of the parse; tables at every line: 60–80 %
 * more; strikethrough's resolver over every paragraph: 25 %), and where its marker is absent it can match nothing.
 * Front matter is only recognised at the start of the document (a chunk starting with `---` is not one). The
 * combined sets are made once each (remark would combine them again for every parse: a fixed cost per chunk).
 */
const SYNTAX_BITS = {
  /** Front matter: the chunk starts the document. */
  frontMatter: 1,
  autolinks: 2,
  tables: 4,
  strikethrough: 8,
  footnotes: 16,
  math: 32,
} as const;
/** Every extension: the syntax of a parse of the whole document (the reference a chunked parse is tested against). */
const ALL_SYNTAX = 63;
const syntaxSets = new Map<number, Extension[]>();
function syntaxFor(set: number): Extension[] {
  let extensions = syntaxSets.get(set);
  if (!extensions) {
    extensions = [
      combineExtensions([
        ...(set & SYNTAX_BITS.autolinks ? [gfmAutolinkLiteral()] : []),
        ...(set & SYNTAX_BITS.footnotes ? [gfmFootnote()] : []),
        ...(set & SYNTAX_BITS.strikethrough ? [gfmStrikethrough()] : []),
        ...(set & SYNTAX_BITS.tables ? [gfmTable()] : []),
        gfmTaskListItem(),
        ...(set & SYNTAX_BITS.frontMatter ? [frontmatter(['yaml', 'toml'])] : []),
        ...(set & SYNTAX_BITS.math ? [math()] : []),
      ]),
    ];
    syntaxSets.set(set, extensions);
  }
  return extensions;
}
/** The extensions a text may need, by the characters it contains (the bits of `SYNTAX_BITS`, but front matter). */
function syntaxNeeded(text: string): number {
  return (
    (/@|www\.|https?:/i.test(text) ? SYNTAX_BITS.autolinks : 0) |
    (text.includes('|') ? SYNTAX_BITS.tables : 0) |
    (text.includes('~') ? SYNTAX_BITS.strikethrough : 0) |
    (text.includes('[^') ? SYNTAX_BITS.footnotes : 0) |
    (text.includes('$') ? SYNTAX_BITS.math : 0)
  );
}
const MDAST_EXTENSIONS = processorData.fromMarkdownExtensions;
const flatten = (list: (FromMarkdownExtension | FromMarkdownExtension[])[]): FromMarkdownExtension[] => list.flatMap((e) => (Array.isArray(e) ? flatten(e) : [e]));
/**
 * The mdast extensions for a chunk parsed without autolink literals: without the one that turns them into links,
 * whose transform searches every text node of the tree for URLs and e-mail addresses (a chunk without the hint has
 * none to find).
 */
const MDAST_WITHOUT_AUTOLINKS = flatten(MDAST_EXTENSIONS).filter((e) => !(e.enter && 'literalAutolink' in e.enter));

export class Paper {
  readonly lines: LineIndex;
  constructor(
    readonly text: string,
    readonly blocks: ProseBlock[],
    readonly sections: Section[],
    readonly frontMatter: FrontMatter | undefined,
    private readonly suppressions: Suppressions,
    /** Every Markdown list, in document order of its start. */
    readonly lists: ListInfo[] = [],
    lines?: LineIndex,
  ) {
    this.lines = lines ?? new LineIndex(text);
  }

  /** Source range of prose offsets [start, end) of a block. */
  sourceRange(block: ProseBlock, start: number, end: number): OffsetRange {
    const m = block.map;
    const s = m.length ? m[Math.min(start, m.length - 1)] + block.base : block.range.start;
    const e = end > start && m.length ? m[Math.min(end - 1, m.length - 1)] + block.base + 1 : s;
    return { start: s, end: Math.max(s, e) };
  }

  /** The prose block containing a source offset, if any. */
  blockAt(offset: number): ProseBlock | undefined {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const b = this.blocks[mid];
      if (offset < b.range.start) hi = mid - 1;
      else if (offset >= b.range.end) lo = mid + 1;
      else return b;
    }
    return undefined;
  }

  isSuppressed(ruleId: string, offset: number): boolean {
    return this.suppressions.isSuppressed(ruleId, this.lines.positionAt(offset).line);
  }
}

export interface BuildPaperOptions {
  /** Parsed chunks of earlier versions of the document: unchanged chunks are not parsed again. */
  cache?: AnalysisCache;
  /**
   * Parse the document in one piece, uncached and with every syntax extension: the reference the chunked parse is
   * tested against (so the tests also check that leaving an extension out of a chunk without its markers changes
   * nothing).
   */
  whole?: boolean;
  /** Smallest chunk (characters); tests use 0 to cut at every possible place. */
  minChunkChars?: number;
}

/**
 * The paper model of a Markdown text. The text is parsed in chunks (see chunks.ts) whose results are cached by
 * their text, then assembled: offsets shifted to the document, sections and list numbers assigned in order.
 */
export function buildPaper(text: string, options: BuildPaperOptions = {}): Paper {
  return runSync(buildPaperSteps(text, options));
}

/** `buildPaper` as steps: it yields after each chunk it parses and while assembling. */
export function* buildPaperSteps(text: string, options: BuildPaperOptions = {}): Steps<Paper> {
  const cache = options.cache ?? new AnalysisCache();
  const plan: ChunkPlan = options.whole ? { chunks: [{ start: 0, end: text.length }], linkLabels: new Set(), footnoteLabels: new Set() } : yield* planChunkSteps(text, options.minChunkChars);
  // The scan guesses which labels are defined; the parse knows. When they differ, parse again with the labels the
  // parse found (definitions are block syntax: the second parse finds the same ones, so this ends).
  for (let round = 0; ; round++) {
    const { parts, linkLabels, footnoteLabels } = yield* parseChunks(text, plan, cache, options.whole === true);
    if (round >= 2 || (sameSet(linkLabels, plan.linkLabels) && sameSet(footnoteLabels, plan.footnoteLabels))) return yield* assemble(text, parts);
    plan.linkLabels = linkLabels;
    plan.footnoteLabels = footnoteLabels;
  }
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function* parseChunks(text: string, plan: ChunkPlan, cache: AnalysisCache, whole: boolean): Steps<{ parts: { start: number; facts: ChunkFacts }[]; linkLabels: Set<string>; footnoteLabels: Set<string> }> {
  const parts: { start: number; facts: ChunkFacts }[] = [];
  const linkLabels = new Set<string>();
  const footnoteLabels = new Set<string>();
  const spans = plan.chunks;
  const reuse = unchangedChunks(text, cache);
  for (let i = 0; i < spans.length; i++) {
    const start = spans[i].start;
    let end = spans[i].end;
    for (;;) {
      const chunk = reuse(start, end) ?? text.slice(start, end);
      // the whole document needs no stubs: every label it uses is defined in it, or nowhere
      // what the chunk's text alone decides, cached by it: its bracketed labels, whether it may hold autolinks
      const scan = cache.memo('chunk scan', chunk, () => ({ refs: referencesIn(chunk), syntax: syntaxNeeded(chunk) }));
      const stubs = whole || (start === 0 && end === text.length) ? '' : stubsFor(chunk, plan, scan.refs);
      const syntax = whole ? ALL_SYNTAX : (start === 0 ? SYNTAX_BITS.frontMatter : 0) | scan.syntax | (stubs.includes('[^') ? SYNTAX_BITS.footnotes : 0);
      const facts = whole ? parseChunk(chunk, stubs, syntax, true) : cache.memo(`chunk ${syntax}\u0000${stubs}`, chunk, () => parseChunk(chunk, stubs, syntax, start === 0));
      if (facts.endsOpen && i + 1 < spans.length) {
        // the chunk ends inside a construct the scan missed: parse it together with the next one
        end = spans[++i].end;
        continue;
      }
      parts.push({ start, facts });
      yield;
      for (const l of facts.linkLabels) linkLabels.add(l);
      for (const l of facts.footnoteLabels) footnoteLabels.add(l);
      break;
    }
  }
  return { parts, linkLabels, footnoteLabels };
}

/**
 * The chunks of the previous analysis of the document that this text still holds unchanged: before the first
 * character an edit changed, or after the last (shifted by the edit's length change). Looked up by such a chunk's
 * string object from then, the cache compares pointers where a new slice of the text would be hashed and compared
 * in full (about 1 ms per analysis of a 60 KB paper). Finding them costs one comparison of the two texts.
 */
function unchangedChunks(text: string, cache: AnalysisCache): (start: number, end: number) => string | undefined {
  const byStart = new Map<number, string>();
  const previous = cache.carry<{ text: string; chunks: Map<number, string> }>('chunks', { text, chunks: byStart });
  const remember = (start: number, chunk: string) => {
    byStart.set(start, chunk);
    return chunk;
  };
  if (!previous) return (start, end) => remember(start, text.slice(start, end));
  const old = previous.text;
  const limit = Math.min(old.length, text.length);
  // compared a block at a time (a native comparison of two slices), then a character at a time in the first block
  // that differs
  const BLOCK = 1024;
  let prefix = 0;
  if (old !== text) {
    while (prefix + BLOCK <= limit && old.slice(prefix, prefix + BLOCK) === text.slice(prefix, prefix + BLOCK)) prefix += BLOCK;
    while (prefix < limit && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  } else prefix = limit;
  let suffix = 0;
  const room = limit - prefix;
  while (suffix + BLOCK <= room && old.slice(old.length - suffix - BLOCK, old.length - suffix) === text.slice(text.length - suffix - BLOCK, text.length - suffix)) suffix += BLOCK;
  while (suffix < room && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const delta = text.length - old.length;
  return (start, end) => {
    let chunk: string | undefined;
    if (end <= prefix) chunk = previous.chunks.get(start);
    else if (start >= text.length - suffix) chunk = previous.chunks.get(start - delta);
    // the previous chunk at that place must be exactly this one (the plan may cut elsewhere now); a new one is
    // copied out of the text, which the cache would otherwise keep whole for as long as it keeps the chunk
    if (chunk === undefined || chunk.length !== end - start) chunk = detachedString(text.slice(start, end));
    return remember(start, chunk);
  };
}

/** What one chunk parses to, with offsets relative to the chunk. Never mutated once made (it is cached). */
interface ChunkFacts {
  /**
   * Length of the stub definitions parsed before the chunk: offsets below are relative to them (-1 for a first chunk
   * that starts with a byte order mark, parsed without it).
   */
  prefix: number;
  /** Prose blocks in walk order; `section` unset, `listId` local to the chunk. */
  blocks: ProseBlock[];
  /** Lists with ids (and parent ids) local to the chunk. */
  lists: ListInfo[];
  comments: { text: string; offset: number }[];
  frontMatter: FrontMatter | undefined;
  /** The chunk's last block is a fence, math block or HTML block left open at the chunk's end. */
  endsOpen: boolean;
  /** Labels of the link and footnote definitions it makes (normalised). */
  linkLabels: string[];
  footnoteLabels: string[];
}

/**
 * Parses one chunk. Stub definitions go before it: every chunk but the first starts at column 0 after a blank
 * line, as it does after the stubs, and nothing the chunk leaves open can swallow them. The first chunk may start
 * with front matter (which must come first) or indented code (which a footnote stub would take in): its stubs go
 * after it; if it ends inside a construct that swallows them, it is merged with the next chunk anyway.
 */
function parseChunk(chunk: string, stubs: string, syntax: number, atStart: boolean): ChunkFacts {
  // the parser skips a byte order mark and counts offsets from the character after it: parse what follows it, and
  // count the offsets from there (a prefix of -1 characters)
  const bom = atStart && chunk.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = boundNesting(bom ? chunk.slice(1) : chunk);
  const prefix = stubs && !atStart ? `${stubs}\n\n` : '';
  const source = prefix + body + (stubs && atStart ? `\n\n${stubs}\n` : '');
  const tree = fromMarkdown(source, { extensions: syntaxFor(syntax), mdastExtensions: syntax & SYNTAX_BITS.autolinks ? MDAST_EXTENSIONS : MDAST_WITHOUT_AUTOLINKS }) as Root;
  const end = prefix.length + body.length;
  const own = tree.children.filter((n) => {
    const start = n.position?.start.offset ?? 0;
    return start >= prefix.length && start < end;
  });
  const builder = new Builder(source);
  builder.walkBlocks(own, { inList: false, inQuote: false, footnote: undefined });
  const last = own[own.length - 1];
  const endsOpen = last !== undefined && ((last.position?.end.offset ?? 0) > end || endsInOpenConstruct(last, source));
  return {
    prefix: prefix.length - bom,
    blocks: builder.blocks,
    lists: builder.lists,
    comments: builder.comments,
    frontMatter: builder.frontMatter,
    endsOpen,
    linkLabels: builder.linkLabels,
    footnoteLabels: builder.footnoteLabels,
  };
}

/** Quote and list markers one line may open before the rest of its markers are read as blanks. */
export const MAX_LINE_CONTAINERS = 64;

const LINE_BREAK = /\r\n?|\n/g;

/**
 * The text with every quote or list marker after the first `MAX_LINE_CONTAINERS` of a line blanked (spaces, so
 * every offset stays where it was). The parser's time grows faster than linearly with the containers one line
 * opens: "- - - …" 2,000 times (4 KB) took a second, 20,000 times minutes, and a check cannot pause inside the
 * parser. No paper nests 64 deep; the rest of such a line is the 64th container's text (indented code once the
 * blanks make four spaces or more).
 */
function boundNesting(text: string): string {
  let out: string[] | undefined;
  let copied = 0;
  for (let line = 0; line < text.length; ) {
    let p = line;
    let count = 0;
    let cut = -1;
    for (;;) {
      let q = p;
      while (q < text.length && q - p < 3 && (text[q] === ' ' || text[q] === '\t')) q++;
      const c = text[q];
      if (c === '>') q++;
      else if ((c === '-' || c === '*' || c === '+') && (text[q + 1] === ' ' || text[q + 1] === '\t')) q++;
      else {
        let d = q;
        while (d < text.length && d - q < 9 && text.charCodeAt(d) >= 48 && text.charCodeAt(d) <= 57) d++;
        if (d === q || (text[d] !== '.' && text[d] !== ')') || (text[d + 1] !== ' ' && text[d + 1] !== '\t')) break;
        q = d + 1;
      }
      while (q < text.length && (text[q] === ' ' || text[q] === '\t')) q++;
      if (++count === MAX_LINE_CONTAINERS) cut = q;
      p = q;
    }
    if (cut >= 0 && p > cut) {
      out ??= [];
      out.push(text.slice(copied, cut), text.slice(cut, p).replace(/[^ \t]/g, ' '));
      copied = p;
    }
    LINE_BREAK.lastIndex = p;
    line = LINE_BREAK.exec(text) ? LINE_BREAK.lastIndex : text.length;
  }
  if (!out) return text;
  out.push(text.slice(copied));
  return out.join('');
}

/** True when the rightmost descendant chain of `node` ends in an unclosed fenced code, math or raw HTML block. */
function endsInOpenConstruct(node: Nodes, src: string): boolean {
  for (let n: Nodes | undefined = node; n; n = 'children' in n && n.children.length ? (n.children[n.children.length - 1] as Nodes) : undefined) {
    const raw = src.slice(n.position?.start.offset ?? 0, n.position?.end.offset ?? 0);
    if (n.type === 'code' || n.type === 'math') {
      const open = /^(`{3,}|~{3,}|\${2,})/.exec(raw);
      if (!open) continue; // indented code
      const lines = raw.split(/\r?\n|\r/);
      const close = lines.length > 1 ? /^[ \t>]*(`{3,}|~{3,}|\${2,})[ \t]*$/.exec(lines[lines.length - 1]) : null;
      if (!close || close[1][0] !== open[1][0] || close[1].length < open[1].length) return true;
    } else if (n.type === 'html') {
      const v = n.value.trimStart();
      if (/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i.test(v)) return !/<\/(?:script|pre|style|textarea)>/i.test(v);
      if (v.startsWith('<!--')) return !v.slice(4).includes('-->');
      if (v.startsWith('<![CDATA[')) return !v.includes(']]>');
      if (v.startsWith('<?')) return !v.slice(2).includes('?>');
      if (/^<![A-Za-z]/.test(v)) return !v.includes('>');
    }
  }
  return false;
}

/** Shifts each chunk's facts to document offsets and gives blocks their sections and lists their ids. */
function* assemble(text: string, parts: { start: number; facts: ChunkFacts }[]): Steps<Paper> {
  const blocks: ProseBlock[] = [];
  const sections: Section[] = [];
  const lists: ListInfo[] = [];
  const comments: { text: string; offset: number }[] = [];
  let frontMatter: FrontMatter | undefined;
  const stack: Section[] = [];
  let current: Section | undefined;
  const shift = (r: OffsetRange, by: number): OffsetRange => ({ start: r.start + by, end: r.end + by });
  for (const { start, facts } of parts) {
    yield;
    const base = start - facts.prefix;
    const listBase = lists.length;
    for (const l of facts.lists) {
      lists.push({
        ...l,
        id: l.id + listBase,
        range: shift(l.range, base),
        items: l.items.map((r) => shift(r, base)),
        parentId: l.parentId === undefined ? undefined : l.parentId + listBase,
      });
    }
    for (const c of facts.comments) comments.push({ text: c.text, offset: c.offset + base });
    if (facts.frontMatter && !frontMatter) {
      const fm = facts.frontMatter;
      frontMatter = { range: shift(fm.range, base), raw: fm.raw, rawStart: fm.rawStart + base };
    }
    for (const rel of facts.blocks) {
      // every field written out (not spread): one object shape for all blocks, read by every ledger and rule
      const block: ProseBlock = {
        index: rel.index,
        kind: rel.kind,
        depth: rel.depth,
        range: shift(rel.range, base),
        text: rel.text,
        map: rel.map,
        base,
        sentences: rel.sentences,
        links: rel.links,
        footnoteRefs: rel.footnoteRefs.length ? rel.footnoteRefs.map((f) => ({ ...f, range: shift(f.range, base) })) : rel.footnoteRefs,
        section: current,
        inList: rel.inList,
        inQuote: rel.inQuote,
        footnote: rel.footnote,
        tableHeader: rel.tableHeader,
        listId: rel.listId !== undefined ? rel.listId + listBase : undefined,
        listItem: rel.listItem,
        origin: rel,
      };
      if (block.kind === 'heading') {
        const title = block.text.trim();
        while (stack.length && stack[stack.length - 1].depth >= block.depth) stack.pop();
        const section: Section = {
          title,
          depth: block.depth,
          range: block.range,
          path: [...stack.map((s) => s.title), title],
          isReferences: isReferencesHeading(title, block.depth) || stack.some((s) => s.isReferences),
        };
        stack.push(section);
        sections.push(section);
        current = section;
        block.section = section;
      }
      blocks.push(block);
    }
  }
  blocks.sort((a, b) => a.range.start - b.range.start);
  blocks.forEach((b, i) => (b.index = i));
  const lines = new LineIndex(text);
  return new Paper(text, blocks, sections, frontMatter, parseSuppressions(comments, lines), lists, lines);
}

interface BlockContext {
  inList: boolean;
  inQuote: boolean;
  footnote: string | undefined;
  listId?: number;
  listItem?: number;
}

const REFERENCES_HEADING = /^(?:[\dIVXivx]+[.)]?\s*)?(references|reference list|bibliography|works cited|literature cited|citations)\s*:?$/i;
/** Headings that name a notes section below the title level, but may be a paper's title at level 1. */
const NOTES_HEADING = /^(?:[\dIVXivx]+[.)]?\s*)?(sources|notes|endnotes|footnotes)\s*:?$/i;

function isReferencesHeading(title: string, depth: number): boolean {
  const t = title.replace(/[*_]/g, '').trim();
  return REFERENCES_HEADING.test(t) || (depth > 1 && NOTES_HEADING.test(t));
}

class Builder {
  blocks: ProseBlock[] = [];
  sections: Section[] = [];
  frontMatter: FrontMatter | undefined;
  comments: { text: string; offset: number }[] = [];
  lists: ListInfo[] = [];
  linkLabels: string[] = [];
  footnoteLabels: string[] = [];

  constructor(private readonly src: string) {}

  /**
   * Every block, depth first in document order. The walk keeps its own stack rather than recursing: "- - - - …" on
   * one line, or a run of ">", nests lists and quotes thousands deep, which would overflow the call stack.
   */
  walkBlocks(nodes: readonly RootContent[], ctx: BlockContext): void {
    const stack: { nodes: readonly RootContent[]; next: number; ctx: BlockContext }[] = [{ nodes, next: 0, ctx }];
    const inner: { nodes: readonly RootContent[]; ctx: BlockContext }[] = [];
    const descend = (children: readonly RootContent[], childCtx: BlockContext) => inner.push({ nodes: children, ctx: childCtx });
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.next >= top.nodes.length) {
        stack.pop();
        continue;
      }
      this.walkBlock(top.nodes[top.next++], top.ctx, descend);
      // the first container's blocks come next, then the second's…, then the node's next sibling
      while (inner.length) {
        const frame = inner.pop()!;
        stack.push({ nodes: frame.nodes, next: 0, ctx: frame.ctx });
      }
    }
  }

  /** One block: prose is collected, and `descend` is given the blocks a container holds, in order. */
  private walkBlock(node: RootContent, ctx: BlockContext, descend: (children: readonly RootContent[], ctx: BlockContext) => void): void {
    switch (node.type) {
      case 'heading': {
        const block = this.prose('heading', node, node.children, ctx);
        block.depth = node.depth;
        return;
      }
      case 'paragraph':
        this.prose('paragraph', node, node.children, ctx);
        return;
      case 'blockquote':
        descend(node.children, { ...ctx, inQuote: true });
        return;
      case 'list': {
        const start = node.position?.start.offset ?? 0;
        const info: ListInfo = {
          id: this.lists.length,
          ordered: node.ordered === true,
          start: node.start ?? 1,
          itemCount: node.children.length,
          range: { start, end: node.position?.end.offset ?? start },
          items: node.children.map((item) => ({ start: item.position?.start.offset ?? start, end: item.position?.end.offset ?? start })),
          parentId: ctx.listId,
        };
        this.lists.push(info);
        node.children.forEach((item, i) => descend(item.children, { ...ctx, inList: true, listId: info.id, listItem: i }));
        return;
      }
      case 'footnoteDefinition':
        this.footnoteLabels.push(normalizeLabel(node.label ?? node.identifier));
        descend(node.children, { ...ctx, footnote: node.identifier });
        return;
      case 'definition':
        this.linkLabels.push(normalizeLabel(node.label ?? node.identifier));
        return;
      case 'table':
        node.children.forEach((row, r) => {
          for (const cell of row.children) {
            const b = this.prose('tableCell', cell, cell.children, ctx);
            b.tableHeader = r === 0;
          }
        });
        return;
      case 'html':
        this.collectComments(node.value, node.position?.start.offset ?? 0);
        return;
      case 'yaml':
      case 'toml' as string: {
        const start = node.position?.start.offset ?? 0;
        const end = node.position?.end.offset ?? start;
        const raw = (node as { value: string }).value;
        const rawStart = this.src.indexOf(raw, start);
        this.frontMatter = { range: { start, end }, raw, rawStart: rawStart >= 0 ? rawStart : start };
        return;
      }
      default:
        // code, math, thematicBreak, definition: no prose
        return;
    }
  }

  private collectComments(value: string, offset: number): void {
    const re = /<!--([\s\S]*?)-->/g;
    for (let m = re.exec(value); m; m = re.exec(value)) this.comments.push({ text: m[1], offset: offset + m.index });
  }

  private prose(kind: BlockKind, node: Nodes, children: readonly PhrasingContent[], ctx: BlockContext): ProseBlock {
    const out = new ProseWriter(this.src);
    const from = node.position?.start.offset ?? 0;
    this.walkInline(children, out, from, node.position?.end.offset ?? from);
    const text = out.text();
    const block: ProseBlock = {
      index: 0,
      kind,
      depth: 0,
      range: { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 },
      text,
      map: out.map(),
      base: 0,
      sentences: kind === 'paragraph' ? splitSentences(text) : text.trim() ? [{ start: 0, end: text.length, text }] : [],
      links: out.links,
      footnoteRefs: out.footnoteRefs,
      section: undefined,
      inList: ctx.inList,
      inQuote: ctx.inQuote,
      footnote: ctx.footnote,
      tableHeader: false,
      ...(ctx.listId !== undefined ? { listId: ctx.listId, listItem: ctx.listItem } : {}),
    };
    this.blocks.push(block);
    return block;
  }

  /**
   * Appends the prose of inline nodes that lie in the source span [from, to). A node without a position (the
   * autolink-literal transform splits a text node around a URL it finds, as in "[http://…", and gives the pieces
   * none) lies between where the previous node ended and where the next positioned one starts: its characters are
   * aligned within that stretch, as a positioned node's are within its own.
   */
  private walkInline(nodes: readonly PhrasingContent[], out: ProseWriter, from: number, to: number): void {
    let cursor = from;
    for (let k = 0; k < nodes.length; k++) {
      const node = nodes[k];
      let start: number;
      let end: number;
      if (node.position) {
        start = node.position.start.offset ?? cursor;
        end = node.position.end.offset ?? start;
      } else {
        start = cursor;
        end = to;
        for (let n = k + 1; n < nodes.length; n++) {
          const next = nodes[n].position?.start.offset;
          if (next !== undefined) {
            end = next;
            break;
          }
        }
        if (node.type === 'link') {
          // a literal URL found by the transform: its text stands in the source as it is
          const literal = plainText(node.children);
          const at = literal ? this.src.indexOf(literal, start) : -1;
          if (at >= 0 && at + literal.length <= end) {
            start = at;
            end = at + literal.length;
          } else end = start;
        }
      }
      cursor = end;
      switch (node.type) {
        case 'text': {
          const reached = out.aligned(node.value, start, end);
          if (!node.position) cursor = reached;
          break;
        }
        case 'emphasis':
        case 'strong':
        case 'delete':
        case 'linkReference':
          this.walkInline(node.children, out, start, end);
          break;
        case 'link': {
          const from = out.length;
          const literal = this.src.slice(start, end) === node.url || /^(https?:|www\.|mailto:)/i.test(this.src.slice(start, end));
          if (literal) out.placeholder(start); // a bare URL is not prose
          else this.walkInline(node.children, out, start, end);
          out.links.push({ url: node.url, start: from, end: out.length });
          break;
        }
        case 'footnoteReference':
          out.footnoteRefs.push({ label: node.identifier, range: { start, end }, proseOffset: out.length });
          break;
        case 'break':
          out.push('\n', start);
          break;
        case 'html':
          this.collectComments(node.value, start);
          break;
        case 'inlineCode':
        case 'inlineMath': {
          // Pandoc's rule: "$20,000 and $30,000" is no math — a closing $ needs a non-space before it and no digit
          // after it, an opening $ a non-space after it. Such spans are prose (money), not a formula.
          const raw = this.src.slice(start, end);
          if (/^\$[^$]/.test(raw) && (/^\$\s|\s\$$/.test(raw) || /^\d/.test(this.src[end] ?? ''))) out.aligned(raw, start, end);
          else out.placeholder(start);
          break;
        }
        case 'image':
        case 'imageReference':
          out.placeholder(start);
          break;
        default:
          break;
      }
    }
  }
}

/** The text of inline nodes, their markup left out. */
function plainText(nodes: readonly PhrasingContent[]): string {
  let out = '';
  for (const n of nodes) {
    if ('value' in n && typeof n.value === 'string') out += n.value;
    else if ('children' in n) out += plainText(n.children as PhrasingContent[]);
  }
  return out;
}

/** Accumulates prose text and, for every character, its source offset. */
class ProseWriter {
  private parts: string[] = [];
  /** The source offset of each character so far (`length` of them), in a buffer that doubles when full. */
  private offsets = new Int32Array(64);
  private maxOffset = 0;
  length = 0;
  links: LinkInfo[] = [];
  footnoteRefs: FootnoteRef[] = [];

  constructor(private readonly src: string) {}

  push(s: string, sourceOffset: number): void {
    const at = this.reserve(s.length);
    this.offsets.fill(sourceOffset, at, at + s.length);
    if (s.length && sourceOffset > this.maxOffset) this.maxOffset = sourceOffset;
    this.parts.push(s);
  }

  /** Appends `s`, whose characters stand at `sourceOffset`, `sourceOffset + 1`, … in the source. */
  private pushRun(s: string, sourceOffset: number): void {
    const at = this.reserve(s.length);
    for (let i = 0; i < s.length; i++) this.offsets[at + i] = sourceOffset + i;
    if (sourceOffset + s.length - 1 > this.maxOffset) this.maxOffset = sourceOffset + s.length - 1;
    this.parts.push(s);
  }

  /** Makes room for `n` more characters; returns where they go (and counts them in `length`). */
  private reserve(n: number): number {
    const at = this.length;
    if (at + n > this.offsets.length) {
      const grown = new Int32Array(Math.max(this.offsets.length * 2, at + n));
      grown.set(this.offsets.subarray(0, at));
      this.offsets = grown;
    }
    this.length += n;
    return at;
  }

  placeholder(sourceOffset: number): void {
    this.push(PLACEHOLDER, sourceOffset);
  }

  /**
   * Appends a text node's value, aligning each character with the source slice [start, end), which may differ
   * from the value by backslash escapes, character references and the indentation/quote markers of continued lines.
   * Returns the source offset just after the last character aligned.
   */
  aligned(value: string, start: number, end: number): number {
    const src = this.src;
    let j = start;
    let i = 0;
    while (i < value.length) {
      // a run of characters that stand in the source as they are (most of the text): appended at once
      let run = 0;
      while (i + run < value.length && j + run < end && src.charCodeAt(j + run) === value.charCodeAt(i + run)) run++;
      if (run > 0) {
        this.pushRun(run === value.length ? value : value.slice(i, i + run), j);
        i += run;
        j += run;
        continue;
      }
      const ch = value[i];
      // (a U+FFFD may be the parser's replacement for a NUL)
      const nul = ch === '\uFFFD';
      let entity = 0;
      const from = j;
      while (j < end && src[j] !== ch && !(nul && src.charCodeAt(j) === 0)) {
        if (src[j] === '\\' && src[j + 1] === ch) {
          j++;
          break;
        }
        if (src[j] === '&' && (entity = entityAt(src, j, value, i)) > 0) break;
        j++;
      }
      if (entity > 0) {
        // a character reference: its decoded character(s) map to the reference's '&'
        this.push(value.slice(i, i + entity), j);
        i += entity;
        j = src.indexOf(';', j) + 1;
        continue;
      }
      if (j >= end && from < end) {
        // nowhere further in the source: a character the parser put in place of the one here
        this.push(ch, from);
        i++;
        j = from + 1;
        continue;
      }
      this.push(ch, Math.min(j, Math.max(start, end - 1)));
      i++;
      if (j < end) j++;
    }
    return j;
  }

  text(): string {
    return this.parts.join('');
  }

  /** The offsets, in 16 bits when they fit (a chunk shorter than 64 KB): half the memory of a long paper's maps. */
  map(): ProseMap {
    const used = this.offsets.subarray(0, this.length);
    return this.maxOffset <= 0xffff ? Uint16Array.from(used) : used.slice();
  }
}

/** Length of the text that the character reference at src[j] decoded to at value[i]; 0 if there is none. */
function entityAt(src: string, j: number, value: string, i: number): number {
  const m = /^&(#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i.exec(src.slice(j, j + 40));
  if (!m) return 0;
  const num = /^#(x?)([\da-f]+)$/i.exec(m[1]);
  if (num) {
    const cp = parseInt(num[2], num[1] ? 16 : 10);
    const s = cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\uFFFD';
    return value.startsWith(s, i) ? s.length : 1;
  }
  return (value.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
}
