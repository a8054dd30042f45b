import type { Paper, ProseBlock } from '../paper';
import type { OffsetRange } from '../types';
import type { NumberedEntry, ReferenceEntry } from './types';
import { nameWords } from './names';

/** Where a block sits, for the citation checks. */
export type Region =
  | 'body'
  | 'references' // a reference list: References, Bibliography, Works cited…
  | 'notes' // a notes section (Notes, Endnotes) or a footnote definition
  | 'apparatus' // abstract, keywords, about the authors, appendix, sources and further reading: no claims checked
  | 'analysis'; // results, findings, methodology, calibration: the authors' own figures (only quotations and attributions checked)

const REFERENCE_LIST = /^(?:[\dIVXivx]+[.)]?\s*)?(?:references?|reference list|bibliography|select(?:ed)? bibliography|works cited|literature cited|literature|cited works|sources cited|sources|citations)\s*:?$/i;
const NOTES = /^(?:[\dIVXivx]+[.)]?\s*)?(?:[\p{L}]+\s+)?\(?(?:notes|endnotes|end notes|footnotes|annotations?)\)?(?:\s*\(?(?:endnotes|notes)\)?)?\s*:?$/iu;
const APPARATUS = /\b(?:abstract|keywords?|key words|about the authors?|about this (?:paper|report)|author biograph(?:y|ies)|acknowledge?ments?|further reading|data sources|sources and further|disclaimer|appendix|appendices|annex(?:es)?)\b/i;
const ANALYSIS = /^(?:[\dIVX]+(?:\.\d+)*[.)]?\s*)?(?:(?:the|key|main|overall|empirical|survey|estimation|summary of|our)\s+)*(?:results?|findings|estimation|estimates|calibration|model|methodology|methods|data(?:\s+and\s+methods?)?|robustness(?:\s+checks?)?|simulations?)(?:\s+and\s+(?:estimation|results|discussion|methods?|data|calibration))?\s*:?$/i;

export interface SectionMap {
  region(block: ProseBlock): Region;
  /** Source range of the reference list's heading, when the paper has one. */
  referenceListHeading: OffsetRange | undefined;
  notesHeading: OffsetRange | undefined;
}

/** Classifies every block by walking headings in order; subsections inherit their parent's region. */
export function mapSections(paper: Paper): SectionMap {
  const regions = new Map<ProseBlock, Region>();
  let current: Region = 'body';
  let depth = 0; // depth of the heading that opened `current` (0: none)
  let referenceListHeading: OffsetRange | undefined;
  let notesHeading: OffsetRange | undefined;
  for (const block of paper.blocks) {
    if (block.kind === 'heading') {
      const title = block.text.replace(/[*_]/g, '').trim();
      if (depth && block.depth > depth) {
        regions.set(block, current);
        continue;
      }
      const region = classify(title);
      current = region;
      depth = region === 'body' ? 0 : block.depth;
      if (region === 'references' && !referenceListHeading) referenceListHeading = block.range;
      if (region === 'notes' && !notesHeading) notesHeading = block.range;
      regions.set(block, region);
      continue;
    }
    regions.set(block, block.footnote !== undefined ? 'notes' : current);
  }
  return { region: (b) => regions.get(b) ?? 'body', referenceListHeading, notesHeading };
}

function classify(title: string): Region {
  if (REFERENCE_LIST.test(title)) return 'references';
  if (NOTES.test(title)) return 'notes';
  if (title.length < 60 && APPARATUS.test(title)) return 'apparatus';
  if (ANALYSIS.test(title)) return 'analysis';
  return 'body';
}

const ENTRY_YEAR = /(?:^|[\s(.,])((?:1[5-9]\d\d|20\d\d)[a-z]?|n\.\s?d\.)(?=[)\].,;:\s]|$)/u;
const NUMBER_LABEL = /^\s*\[?(\d{1,3})(?:[\].)]\s*|\s+)(?=\S)/;

/** Entries of a reference list block: one per line that starts an entry (soft line breaks split entries). */
export function referenceEntries(paper: Paper, block: ProseBlock): ReferenceEntry[] {
  const out: ReferenceEntry[] = [];
  const text = block.text;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const start = lineStart;
    lineStart += line.length + 1;
    const label = NUMBER_LABEL.exec(line);
    const body = label ? line.slice(label[0].length) : line;
    const offset = start + (label ? label[0].length : 0);
    const y = ENTRY_YEAR.exec(body.slice(0, 250));
    if (!y) {
      const prev = out[out.length - 1];
      if (prev && line.trim()) prev.text += ' ' + line.trim(); // a continuation line
      continue;
    }
    const yearAt = y.index + y[0].indexOf(y[1]);
    const authors = body.slice(0, yearAt).replace(/[\s(,:;[]+$/, '').replace(/(?<!(?:^|[\s.])\p{Lu})\.$/u, '').trim();
    if (!authors || !/^[\p{Lu}\p{Lo}"“]/u.test(authors)) continue;
    const rest = body.slice(yearAt + y[1].length).replace(/^[\s).,:;\]]+/, '');
    const title = /^[“"*_]?(.{3,200}?)(?:[.?!]["”]?(?:\s|$)|["”](?:\s|$))/.exec(rest)?.[1]?.replace(/[*_“”"]/g, '').trim();
    const trimmedEnd = start + line.replace(/\s+$/, '').length;
    const headEnd = offset + yearAt + y[1].length + (/^\)?\.?/.exec(body.slice(yearAt + y[1].length))?.[0].length ?? 0);
    out.push({
      text: line.trim(),
      range: paper.sourceRange(block, offset, trimmedEnd),
      head: paper.sourceRange(block, offset, headEnd),
      authors,
      year: y[1].replace(/\s/g, ''),
      names: new Set(nameWords(authors)),
      title: title || undefined,
    });
  }
  return out;
}

/** A numbered entry: "1 Euractiv 2023.", "[2] Smith…", "3. …", or an ordered list item. */
export function numberedEntry(paper: Paper, block: ProseBlock): NumberedEntry | undefined {
  const m = NUMBER_LABEL.exec(block.text);
  if (m) {
    const n = Number(m[1]);
    return { number: n, text: block.text.slice(m[0].length).trim(), range: paper.sourceRange(block, 0, block.text.trimEnd().length) };
  }
  if (block.inList) {
    // the ordered-list marker is not part of the prose: read it from the source line
    const lineStart = paper.text.lastIndexOf('\n', block.range.start - 1) + 1;
    const prefix = paper.text.slice(lineStart, block.range.start);
    const om = /^\s*(\d{1,3})[.)]\s+$/.exec(prefix);
    if (om) return { number: Number(om[1]), text: block.text.trim(), range: { start: lineStart + prefix.indexOf(om[1]), end: block.range.end } };
  }
  return undefined;
}
