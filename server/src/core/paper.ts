import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMath from 'remark-math';
import type { Nodes, Root, RootContent, PhrasingContent } from 'mdast';
import type { OffsetRange } from './types';
import { LineIndex } from './text';
import { splitSentences } from './sentences';
import { parseSuppressions, type Suppressions } from './suppress';

export type BlockKind = 'paragraph' | 'heading' | 'tableCell';

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
  /** map[i] is the source offset of text[i]. */
  map: Int32Array;
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

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkMath);

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
  ) {
    this.lines = new LineIndex(text);
  }

  /** Source range of prose offsets [start, end) of a block. */
  sourceRange(block: ProseBlock, start: number, end: number): OffsetRange {
    const s = block.map[Math.min(start, block.map.length - 1)] ?? block.range.start;
    const e = end > start ? block.map[Math.min(end - 1, block.map.length - 1)] + 1 : s;
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

export function buildPaper(text: string): Paper {
  const tree = processor.parse(text) as Root;
  const builder = new Builder(text);
  builder.walkBlocks(tree.children, { inList: false, inQuote: false, footnote: undefined });
  builder.blocks.sort((a, b) => a.range.start - b.range.start);
  builder.blocks.forEach((b, i) => (b.index = i));
  const lines = new LineIndex(text);
  return new Paper(text, builder.blocks, builder.sections, builder.frontMatter, parseSuppressions(builder.comments, lines), builder.lists);
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
  private current: Section | undefined;
  private stack: Section[] = [];

  constructor(private readonly src: string) {}

  walkBlocks(nodes: readonly RootContent[], ctx: BlockContext): void {
    for (const node of nodes) this.walkBlock(node, ctx);
  }

  private walkBlock(node: RootContent, ctx: BlockContext): void {
    switch (node.type) {
      case 'heading': {
        const block = this.prose('heading', node, node.children, ctx);
        const title = block.text.trim();
        while (this.stack.length && this.stack[this.stack.length - 1].depth >= node.depth) this.stack.pop();
        const section: Section = {
          title,
          depth: node.depth,
          range: block.range,
          path: [...this.stack.map((s) => s.title), title],
          isReferences: isReferencesHeading(title, node.depth) || this.stack.some((s) => s.isReferences),
        };
        this.stack.push(section);
        this.sections.push(section);
        this.current = section;
        block.section = section;
        block.depth = node.depth;
        return;
      }
      case 'paragraph':
        this.prose('paragraph', node, node.children, ctx);
        return;
      case 'blockquote':
        this.walkBlocks(node.children, { ...ctx, inQuote: true });
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
        node.children.forEach((item, i) => this.walkBlocks(item.children, { ...ctx, inList: true, listId: info.id, listItem: i }));
        return;
      }
      case 'footnoteDefinition':
        this.walkBlocks(node.children, { ...ctx, footnote: node.identifier });
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
    this.walkInline(children, out);
    const text = out.text();
    const block: ProseBlock = {
      index: 0,
      kind,
      depth: 0,
      range: { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 },
      text,
      map: out.map(),
      sentences: kind === 'paragraph' ? splitSentences(text) : text.trim() ? [{ start: 0, end: text.length, text }] : [],
      links: out.links,
      footnoteRefs: out.footnoteRefs,
      section: this.current,
      inList: ctx.inList,
      inQuote: ctx.inQuote,
      footnote: ctx.footnote,
      tableHeader: false,
      ...(ctx.listId !== undefined ? { listId: ctx.listId, listItem: ctx.listItem } : {}),
    };
    this.blocks.push(block);
    return block;
  }

  private walkInline(nodes: readonly PhrasingContent[], out: ProseWriter): void {
    for (const node of nodes) {
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      switch (node.type) {
        case 'text':
          out.aligned(node.value, start, end);
          break;
        case 'emphasis':
        case 'strong':
        case 'delete':
        case 'linkReference':
          this.walkInline(node.children, out);
          break;
        case 'link': {
          const from = out.length;
          const literal = this.src.slice(start, end) === node.url || /^(https?:|www\.|mailto:)/i.test(this.src.slice(start, end));
          if (literal) out.placeholder(start); // a bare URL is not prose
          else this.walkInline(node.children, out);
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

/** Accumulates prose text and, for every character, its source offset. */
class ProseWriter {
  private parts: string[] = [];
  private offsets: number[] = [];
  length = 0;
  links: LinkInfo[] = [];
  footnoteRefs: FootnoteRef[] = [];

  constructor(private readonly src: string) {}

  push(s: string, sourceOffset: number): void {
    for (let i = 0; i < s.length; i++) this.offsets.push(sourceOffset);
    this.parts.push(s);
    this.length += s.length;
  }

  placeholder(sourceOffset: number): void {
    this.push(PLACEHOLDER, sourceOffset);
  }

  /**
   * Appends a text node's value, aligning each character with the source slice [start, end), which may differ
   * from the value by backslash escapes, character references and the indentation/quote markers of continued lines.
   */
  aligned(value: string, start: number, end: number): void {
    const src = this.src;
    let j = start;
    let i = 0;
    while (i < value.length) {
      const ch = value[i];
      let entity = 0;
      while (j < end && src[j] !== ch) {
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
      this.push(ch, Math.min(j, Math.max(start, end - 1)));
      i++;
      if (j < end) j++;
    }
  }

  text(): string {
    return this.parts.join('');
  }

  map(): Int32Array {
    return Int32Array.from(this.offsets);
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
