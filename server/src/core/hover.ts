import type { AnalysisResult } from './analyze';
import type { OffsetRange } from './types';
import type { KbEntry } from '../kb/types';
import type { AcronymRecord } from './acronyms/ledger';
import { figureMentionsAt } from './numbers/ledger';
import { citationCard } from './citations/hover';

export interface HoverResult {
  /** Markdown card. */
  markdown: string;
  /** Source range of the hovered term. */
  range: OffsetRange;
}

/**
 * The hover card for whatever sits at `offset` — a citation, an acronym, a figure or a framework's name — or null.
 * A citation comes first (`(OECD, 2022)` shows the reference entry, not the OECD card), except a link: the
 * acronym or framework named in a link's text keeps its card, and the link's card is the fallback.
 */
export function hoverAt(result: AnalysisResult, offset: number): HoverResult | null {
  const cite = citationCard(result, offset);
  if (cite && cite.kind !== 'link') return { markdown: cite.markdown, range: cite.range };
  const other = hoverOther(result, offset);
  if (other) return other;
  return cite ? { markdown: cite.markdown, range: cite.range } : null;
}

function hoverOther(result: AnalysisResult, offset: number): HoverResult | null {
  const { ledgers, kb, paper } = result;
  const token = ledgers.acronyms.tokenAt(offset);
  if (token) {
    const record = ledgers.acronyms.records.get(token.acronym);
    const entry = record?.kb;
    if (!entry && !record?.definitions.length) return null;
    return { markdown: renderCard(result, token.acronym, entry, record), range: token.range };
  }
  // a figure: what it measures and every other mention of the same measure
  const fig = figureMentionsAt(result, offset);
  if (fig && fig.figure.measure) {
    const lineOf = (o: number) => paper.lines.positionAt(o).line + 1;
    const quote = (r: OffsetRange) => result.text.slice(r.start, r.end);
    const lines = [`**${escape(quote(fig.figure.range))}** · ${escape(fig.figure.measure)}`];
    if (fig.mentions.length) {
      lines.push(`**Other mentions of this measure:**\n\n${fig.mentions.map((m) => `- ${escape(quote(m.range))} (line ${lineOf(m.range.start)})`).join('\n')}`);
    } else {
      lines.push('No other mention of this measure in the paper.');
    }
    return { markdown: lines.join('\n\n'), range: fig.figure.range };
  }
  // a framework named in full ("World Bank", "Five Eyes", "Belt and Road Initiative")
  const block = paper.blockAt(offset);
  if (!block) return null;
  for (const entry of kb.entries) {
    for (const name of [entry.name, ...entry.aliases, ...(entry.acronym ? [entry.acronym] : [])]) {
      if (name.length < 3) continue;
      const hit = findName(block.text, name, (i) => paper.sourceRange(block, i, i + name.length), offset);
      if (hit) {
        const record = entry.acronym ? ledgers.acronyms.records.get(entry.acronym) : undefined;
        return { markdown: renderCard(result, entry.acronym ?? entry.name, entry, record), range: hit };
      }
    }
  }
  return null;
}

function findName(text: string, name: string, toSource: (i: number) => OffsetRange, offset: number): OffsetRange | null {
  const lower = text.toLowerCase();
  const needle = name.toLowerCase();
  for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + 1)) {
    const before = text[i - 1] ?? ' ';
    const after = text[i + needle.length] ?? ' ';
    if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
    // names like "Quad" must be capitalised as written
    if (!/\p{Lu}/u.test(text.slice(i, i + needle.length))) continue;
    const r = toSource(i);
    if (offset >= r.start && offset <= r.end) return r;
  }
  return null;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (m[3] && month) return `${Number(m[3])} ${month} ${m[1]}`;
  if (month) return `${month} ${m[1]}`;
  return m[1];
}

function escape(s: string): string {
  return s.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

/** One card for an acronym: the knowledge base's entry (if any) and the paper's own definition (if any). */
export function renderCard(result: AnalysisResult, acronym: string, entry: KbEntry | undefined, record: AcronymRecord | undefined): string {
  const lines: string[] = [];
  const lineOf = (o: number) => result.paper.lines.positionAt(o).line + 1;
  if (entry) {
    lines.push(`**${escape(entry.acronym ?? entry.name)}** · ${escape(entry.name)}`);
    const meta = [capitalise(entry.kind), entry.established ? `established ${formatDate(entry.established)}` : ''].filter(Boolean);
    lines.push(`*${meta.join(' · ')}*`);
    const count = entry.members.length || (entry as KbEntry & { memberCount?: number }).memberCount;
    if (entry.members.length) {
      lines.push(`**Members (${entry.members.length}${entry.membersAsOf ? `, as of ${formatDate(entry.membersAsOf)}` : ''}):** ${entry.members.map(escape).join(', ')}`);
    } else if (count) {
      lines.push(`**Members:** ${count}${entry.membersAsOf ? ` (as of ${formatDate(entry.membersAsOf)})` : ''}`);
    }
    if (entry.aliases.length) lines.push(`**Also called:** ${entry.aliases.map(escape).join('; ')}`);
    lines.push(escape(entry.summary));
  } else {
    lines.push(`**${escape(acronym)}**`);
  }
  if (record?.definitions.length) {
    const defs = record.definitions.map((d) => `“${escape(d.longForm)}” (line ${lineOf(d.longRange.start)})`);
    const uses = record.uses.length;
    lines.push(`**In this paper:** defined as ${defs.join(', then as ')}${uses ? ` · used ${uses} ${uses === 1 ? 'time' : 'times'}` : ''}`);
  } else if (record && entry) {
    lines.push(`**In this paper:** not defined · used ${record.uses.length} ${record.uses.length === 1 ? 'time' : 'times'}`);
  }
  if (entry?.source) lines.push(`[Source](${entry.source})`);
  return lines.join('\n\n');
}

function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
