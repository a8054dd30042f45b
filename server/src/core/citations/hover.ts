import type { AnalysisResult } from '../analyze';
import type { OffsetRange } from '../types';
import { citationAt, recordLocation, type CitationHit } from './query';
import type { BibRecord } from './types';

export interface CitationCard {
  /** Markdown card. */
  markdown: string;
  /** Source range of the hovered citation (the item under the cursor: `@key`, `Lee, 2021`, `[^3]`, `[2–4]`…). */
  range: OffsetRange;
  /** A link is a weak citation: other hovers (an acronym or a framework in the link text) come first. */
  kind: CitationHit['marker']['kind'];
}

/**
 * The hover card of the citation at `offset`: the reference entry, bibliography record, footnote text or
 * numbered entry it resolves to, or a line saying that nothing matches. Null when no citation is under the
 * cursor (or only an inline note, or a label-like "Name (2019)" that resolves to nothing). Pure.
 */
export function citationCard(result: AnalysisResult, offset: number): CitationCard | null {
  const hit = citationAt(result, offset);
  if (!hit) return null;
  const { marker, item } = hit;
  // the ledger's lookup includes the end; a hover on the character after a citation is not on it
  if (offset >= marker.range.end && marker.range.end > marker.range.start) return null;
  const lineOf = (o: number) => result.paper.lines.positionAt(o).line + 1;
  const written = (r: OffsetRange) => result.text.slice(r.start, r.end).replace(/\s+/g, ' ');
  const ledger = result.ledgers.citations;
  // the item under the cursor ("Lee, 2021" of "(Kim, 2020; Lee, 2021)"), or the whole citation
  const itemRange = offset >= item.range.start && offset < item.range.end ? item.range : marker.range;
  const card = (lines: string[], range: OffsetRange = itemRange): CitationCard => ({ markdown: lines.join('\n\n'), range, kind: marker.kind });

  switch (marker.kind) {
    case 'inline-note':
      return null;
    case 'pandoc': {
      const key = item.key ?? '';
      const title = `**@${escape(key)}**`;
      if (/^todo$/i.test(key)) return card([title, 'A citation placeholder: replace it with a key from the bibliography.']);
      if (hit.record) return card([`${title}${hit.record.type ? ` · ${escape(hit.record.type)}` : ''}`, formatRecord(hit.record), recordSource(result, hit.record)]);
      const bib = ledger.bibliography;
      if (!bib.available) return card([title, `No bibliography was read for this paper, so @${escape(key)} cannot be looked up (name one with \`bibliography:\` in the front matter).`]);
      const files = bib.files.map((f) => f.path);
      const from = files.length ? files.map(escape).join(', ') : 'the front matter';
      const failed = bib.files.filter((f) => f.status !== 'ok').map((f) => `“${escape(f.path)}”`);
      const unread = failed.length ? ` (${failed.join(', ')} could not be read: see citation/bibliography-error)` : '';
      return card([title, `No entry in the bibliography (${from}) matches @${escape(key)}${unread}.`]);
    }
    case 'placeholder':
      return card([`**${escape(written(marker.range))}**`, 'A citation placeholder: replace it with the source.'], marker.range);
    case 'author-year':
    case 'narrative': {
      if (item.unresolvable) return card([`**${escape(written(item.range))}**`, 'Refers to the source cited just before.']);
      const cited = `${item.authors} (${item.year})`;
      const range = marker.kind === 'narrative' ? marker.range : itemRange;
      if (hit.reference) {
        return card([`**${escape(cited)}** · reference list, line ${lineOf(hit.reference.range.start)}`, escape(hit.reference.text)], range);
      }
      if (marker.weak) return null;
      if (!ledger.references.length) return card([`**${escape(cited)}**`, `The paper has no reference list (a References, Bibliography or Works Cited section) to look ${escape(cited)} up in.`], range);
      return card([`**${escape(cited)}**`, `No entry in the reference list matches ${escape(cited)}.`], range);
    }
    case 'footnote': {
      const label = item.label ?? '';
      const title = `**Footnote \\[^${escape(label)}\\]**`;
      const def = hit.footnote;
      if (!def) return card([title, `No footnote definition \`[^${label.replace(/`/g, '')}]:\` in the paper.`], marker.range);
      const text = result.paper.blocks
        .filter((b) => b.footnote === def.label)
        .map((b) => escape(b.text.trim()))
        .filter(Boolean);
      return card([`${title} · line ${lineOf(def.range.start)}`, ...(text.length ? text : ['(empty)'])], marker.range);
    }
    case 'numeric': {
      const numbers = marker.items.map((i) => i.number!).filter((n) => n !== undefined);
      const title = `**${escape(written(marker.range))}**`;
      const lines: string[] = [title];
      const last = ledger.numbered.reduce((m, n) => Math.max(m, n.number), 0);
      for (const n of numbers) {
        const entry = ledger.numbered.find((e) => e.number === n);
        if (entry) lines.push(`**${n}.** ${escape(entry.text)} (line ${lineOf(entry.range.start)})`);
        else if (last) lines.push(`No numbered note or reference ${n} in the paper (the numbered list ends at ${last}).`);
        else lines.push(`No numbered note or reference ${n} in the paper: it has no numbered list of notes or references.`);
      }
      return card(lines, marker.range);
    }
    case 'link': {
      const url = item.url ?? '';
      const safe = /[<>\n]/.test(url) ? `\`${url.replace(/`/g, '')}\`` : `[${escape(url)}](<${url}>)`;
      return card(['**Linked source**', safe], marker.range);
    }
  }
  return null;
}

/** "Brennan and Osei (2019). *Bans and Booms*. Journal of Food Policy." — the parts a record has. */
export function formatRecord(r: BibRecord): string {
  const year = r.year || 'n.d.';
  const parts: string[] = [];
  const title = r.title ? `*${escape(r.title)}*${/[.?!]$/.test(r.title) ? '' : '.'}` : '';
  if (r.author) {
    parts.push(`${escape(r.author)} (${escape(year)}).`);
    if (title) parts.push(title);
  } else if (title) {
    parts.push(`${title.replace(/\.$/, '')} (${escape(year)}).`);
  } else {
    parts.push(`(${escape(year)}).`);
  }
  if (r.venue) parts.push(`${escape(r.venue)}${/[.?!]$/.test(r.venue) ? '' : '.'}`);
  return parts.join(' ');
}

function recordSource(result: AnalysisResult, r: BibRecord): string {
  const where = recordLocation(result, r);
  if ('range' in where) return `From the front matter, line ${result.paper.lines.positionAt(where.range.start).line + 1}`;
  return `From ${escape(r.file)}${r.line ? `, line ${r.line}` : ''}`;
}

function escape(s: string): string {
  return s.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}
