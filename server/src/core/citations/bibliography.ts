import { parseDocument, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { jsonSyntaxProblem, unclosedAt } from '../config';
import { positionsIn, yamlDepthProblem } from '../yaml';
import type { FrontMatter } from '../paper';
import type { OffsetRange } from '../types';
import type { BibRecord, BibliographyFile } from './types';

/**
 * Reads a bibliography file named by the paper (path as written, relative to the paper); undefined when it cannot
 * be read, or throws an error whose message says why ("no such file", "the file is 50 MB, over the 10 MB limit",
 * "it is outside the workspace folder…"): the message is shown in the citation/bibliography-error finding.
 */
export type BibliographyReader = (path: string) => string | undefined;

export interface BibliographyOptions {
  readBibliography?: BibliographyReader;
  /** Bibliography files to use when the front matter names none (from settings). */
  bibliography?: readonly string[];
}

export interface Bibliography {
  /** False when no reader was given or no bibliography is named: key checks are skipped. */
  available: boolean;
  files: BibliographyFile[];
  records: Map<string, BibRecord>;
  /** Keys in first-seen order. */
  keys: string[];
}

interface NamedFile {
  path: string;
  range: OffsetRange | undefined;
}

/** The `bibliography:` entries and inline `references:` of the YAML front matter. */
export function frontMatterBibliography(fm: FrontMatter | undefined): { files: NamedFile[]; inline: unknown[] | undefined; inlineRange?: OffsetRange; inlineLine?: (index: number) => number | undefined } {
  if (!fm || !/(^|\n)\s*(bibliography|references)\s*:/.test(fm.raw)) return { files: [], inline: undefined };
  // the paper's own front matter: too deep a nesting is no bibliography (as a syntax error is)
  if (yamlDepthProblem(fm.raw)) return { files: [], inline: undefined };
  let doc;
  try {
    doc = parseDocument(fm.raw, { prettyErrors: false });
  } catch {
    return { files: [], inline: undefined };
  }
  if (doc.errors.length || !isMap(doc.contents)) return { files: [], inline: undefined };
  const files: NamedFile[] = [];
  let inline: unknown[] | undefined;
  let inlineRange: OffsetRange | undefined;
  let inlineLine: ((index: number) => number | undefined) | undefined;
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as YamlNode | null;
    if (key === 'bibliography') {
      const nodes = isSeq(value) ? (value.items as YamlNode[]) : value ? [value] : [];
      for (const n of nodes) {
        if (!isScalar(n) || typeof n.value !== 'string' || !n.value.trim()) continue;
        const r = n.range;
        files.push({ path: n.value.trim(), range: r ? { start: fm.rawStart + r[0], end: fm.rawStart + r[1] } : undefined });
      }
    } else if (key === 'references') {
      const plain = value && 'toJSON' in value ? (value as { toJSON(): unknown }).toJSON() : undefined;
      if (Array.isArray(plain)) {
        inline = plain;
        const k = (pair.key as YamlNode | null)?.range;
        if (k) inlineRange = { start: fm.rawStart + k[0], end: fm.rawStart + k[1] };
        const items = isSeq(value) ? (value.items as (YamlNode | null)[]) : [];
        // line in the paper (the front matter starts on line 2, after its "---")
        const positionOf = positionsIn(fm.raw);
        inlineLine = (index) => {
          const r = items[index]?.range;
          return r ? positionOf(r[0]).line + 1 : undefined;
        };
      }
    }
  }
  return { files, inline, inlineRange, inlineLine };
}

/** Loads the paper's bibliographies through the injected reader. Never throws. */
export function loadBibliography(fm: FrontMatter | undefined, options: BibliographyOptions): Bibliography {
  const named = frontMatterBibliography(fm);
  const records = new Map<string, BibRecord>();
  const keys: string[] = [];
  const files: BibliographyFile[] = [];
  const addRecord = (r: BibRecord) => {
    if (records.has(r.key)) return;
    records.set(r.key, r);
    keys.push(r.key);
  };
  if (named.inline) {
    // an item without an id in the front matter's `references:` is reported, not thrown
    try {
      for (const r of cslRecords(named.inline, 'front matter', named.inlineLine)) addRecord(r);
    } catch (e) {
      files.push({ path: 'references', range: named.inlineRange, status: 'invalid', error: e instanceof Error ? e.message : String(e), records: 0 });
    }
  }
  const list: NamedFile[] = named.files.length ? named.files : (options.bibliography ?? []).map((path) => ({ path, range: undefined }));
  const read = options.readBibliography;
  if (read) {
    for (const f of list) {
      const file: BibliographyFile = { path: f.path, range: f.range, status: 'ok', records: 0 };
      files.push(file);
      const format = formatOf(f.path);
      if (!format) {
        file.status = 'unsupported';
        file.error = 'only BibTeX (.bib), CSL-JSON (.json) and CSL-YAML (.yaml) bibliographies can be read';
        continue;
      }
      let text: string | undefined;
      try {
        text = read(f.path);
      } catch (e) {
        file.error = e instanceof Error ? e.message : String(e);
        text = undefined;
      }
      if (text === undefined) {
        file.status = 'unreadable';
        continue;
      }
      try {
        if (!text.replace(/^\uFEFF/, '').trim()) throw new Error('the file is empty');
        const recs = format === 'bibtex' ? parseBibtex(text, f.path) : format === 'json' ? parseCslJson(text, f.path) : parseCslYaml(text, f.path);
        file.records = recs.length;
        for (const r of recs) addRecord(r);
      } catch (e) {
        file.status = 'invalid';
        file.error = e instanceof Error ? e.message : String(e);
      }
    }
  }
  return { available: (read !== undefined && list.length > 0) || named.inline !== undefined, files, records, keys };
}

function formatOf(path: string): 'bibtex' | 'json' | 'yaml' | undefined {
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (ext === 'bib' || ext === 'bibtex') return 'bibtex';
  if (ext === 'json') return 'json';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  return undefined;
}

/* ---------------------------------------------------------------- BibTeX */

class BibError extends Error {}

/**
 * A tolerant BibTeX reader: entries `@type{key, field = {…} | "…" | 123 | macro # …}`, `@string` macros,
 * `@comment` and `@preamble` skipped, text between entries ignored (as BibTeX does). Throws on an entry it
 * cannot read, with its line.
 */
export function parseBibtex(text: string, file = ''): BibRecord[] {
  const out: BibRecord[] = [];
  /** Key → offset of its entry: a repeated key is ignored (BibTeX: "Repeated entry"). */
  const seen = new Map<string, number>();
  const macros = new Map<string, string>(
    ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m) => [m, m]),
  );
  let i = 0;
  const n = text.length;
  // lines as an editor counts them
  const positionOf = positionsIn(text);
  const lineAt = (o: number) => positionOf(o).line;
  const fail = (msg: string, at: number): never => {
    throw new BibError(/\(lines \d+ and \d+\)$/.test(msg) ? msg : `${msg} (line ${lineAt(at)})`);
  };
  const ws = () => {
    while (i < n && /\s/.test(text[i])) i++;
  };
  const balanced = (open: string, close: string): string => {
    // text[i] === open
    const start = i;
    let depth = 0;
    for (; i < n; i++) {
      const c = text[i];
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === open) depth++;
      else if (c === close && --depth === 0) {
        i++;
        return text.slice(start + 1, i - 1);
      }
    }
    return fail(`unbalanced "${open}"`, start);
  };
  const value = (): string => {
    const parts: string[] = [];
    for (;;) {
      ws();
      const c = text[i];
      if (c === '{') parts.push(balanced('{', '}'));
      else if (c === '"') {
        const start = i;
        let depth = 0;
        i++;
        for (; i < n; i++) {
          const d = text[i];
          if (d === '\\') {
            i++;
            continue;
          }
          if (d === '{') depth++;
          else if (d === '}') depth--;
          else if (d === '"' && depth === 0) break;
        }
        if (i >= n) fail('unterminated quoted value', start);
        parts.push(text.slice(start + 1, i));
        i++;
      } else {
        const m = /^[^\s,#}{)"=]+/.exec(text.slice(i, i + 200));
        if (!m) return fail('a field value is missing', i);
        i += m[0].length;
        parts.push(/^\d+$/.test(m[0]) ? m[0] : (macros.get(m[0].toLowerCase()) ?? m[0]));
      }
      ws();
      if (text[i] === '#') {
        i++;
        continue;
      }
      return parts.join('');
    }
  };
  while (i < n) {
    const at = text.indexOf('@', i);
    if (at < 0) break;
    i = at + 1;
    const tm = /^[A-Za-z]+/.exec(text.slice(i, i + 40));
    if (!tm) continue;
    const type = tm[0].toLowerCase();
    i += tm[0].length;
    ws();
    const open = text[i];
    if (open !== '{' && open !== '(') continue; // an "@" in text between entries, which BibTeX ignores
    const close = open === '{' ? '}' : ')';
    if (type === 'comment') {
      // @comment{…} is skipped; a bare @comment line is ignored as text
      balanced(open, close);
      continue;
    }
    if (type === 'preamble') {
      balanced(open, close);
      continue;
    }
    i++;
    ws();
    if (type === 'string') {
      const nm = /^[^\s=]+/.exec(text.slice(i, i + 100));
      if (!nm) fail('a @string has no name', at);
      i += nm![0].length;
      ws();
      if (text[i] !== '=') fail('a @string has no "="', at);
      i++;
      macros.set(nm![0].toLowerCase(), value());
      ws();
      if (text[i] !== close) fail(`a @string is not closed with "${close}"`, at);
      i++;
      continue;
    }
    const km = /^[^\s,{}()=]+/.exec(text.slice(i, i + 300));
    if (!km) fail(`an @${tm[0]} entry has no key`, at);
    const key = km![0];
    i += key.length;
    ws();
    const fields = new Map<string, string>();
    /** A field whose value runs over what looks like the next field or entry: its "{" was never closed. */
    let swallower: { name: string; at: number } | undefined;
    for (;;) {
      ws();
      if (text[i] === ',') {
        i++;
        ws();
      }
      if (text[i] === close) {
        i++;
        break;
      }
      if (i >= n) {
        if (swallower) fail(`the entry "${key}" is not closed: the "{" of its field "${swallower.name}" is never closed`, swallower.at);
        fail(`the entry "${key}" is not closed`, at);
      }
      const fm = /^[A-Za-z][\w\-:.+]*/.exec(text.slice(i, i + 100));
      if (!fm) fail(`unexpected "${text[i]}" in the entry "${key}"`, i);
      const fieldAt = i;
      i += fm![0].length;
      ws();
      if (text[i] !== '=') fail(`the field "${fm![0]}" of "${key}" has no "="`, i);
      i++;
      const v = value();
      if (!swallower && /\n\s*[A-Za-z][\w\-:.+]*\s*=|\n\s*@[A-Za-z]+\s*[{(]/.test(v)) swallower = { name: fm![0], at: fieldAt };
      fields.set(fm![0].toLowerCase(), v);
    }
    // a repeated key: BibTeX and biber warn and use the first entry; real bibliographies have them (a paper's
    // .bib merged from two sources), so the file stays usable and the repeat is ignored
    if (seen.has(key)) continue;
    seen.set(key, at);
    out.push({ ...bibtexRecord(type, key, fields, file), line: lineAt(at) });
  }
  return out;
}

function bibtexRecord(type: string, key: string, f: Map<string, string>, file: string): BibRecord {
  const names = (f.get('author') ?? f.get('editor') ?? '').trim();
  const families = names
    ? splitTopLevel(names, ' and ').map((p) => {
        const s = delatex(p).trim();
        if (s.includes(',')) return s.split(',')[0].trim();
        // "{World Bank}", or a name written without "Family, Given" ("Zhang Xiaojun"): keep it whole
        return s;
      })
    : [];
  const year = delatex(f.get('year') ?? (f.get('date') ?? '').slice(0, 4)).trim();
  return {
    key,
    type,
    author: formatAuthors(families.filter(Boolean)),
    year,
    title: delatex(f.get('title') ?? '').trim(),
    venue: delatex(f.get('journal') ?? f.get('journaltitle') ?? f.get('booktitle') ?? f.get('publisher') ?? f.get('institution') ?? f.get('school') ?? f.get('organization') ?? '').trim(),
    file,
  };
}

/** Splits on a separator outside braces ("{Smith and Sons} and Jones" → two names). */
function splitTopLevel(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  const lower = s.toLowerCase();
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0 && lower.startsWith(sep, i)) {
      out.push(s.slice(start, i));
      start = i + sep.length;
      i += sep.length - 1;
    }
  }
  out.push(s.slice(start));
  return out.filter((x) => x.trim());
}

const ACCENTS: Record<string, string> = { '`': '\u0300', "'": '\u0301', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304', '.': '\u0307', u: '\u0306', v: '\u030C', H: '\u030B', c: '\u0327', k: '\u0328' };

/** LaTeX to plain text, roughly: accents, escapes, braces and simple commands. */
export function delatex(s: string): string {
  const accent = (a: string, l: string) => (l + (ACCENTS[a] ?? '')).normalize('NFC');
  return s
    .replace(/\\(?:textit|textbf|emph|textsc|texttt|mathrm|url)\s*/g, '')
    .replace(/\\([`'^"~=.])\s*\{?\\?([A-Za-z])\}?/g, (_m, a: string, l: string) => accent(a, l))
    .replace(/\\([uvHck])(?:\s*\{\\?([A-Za-z])\}|\s+([A-Za-z]))/g, (_m, a: string, l1: string, l2: string) => accent(a, l1 ?? l2))
    .replace(/\\(?:ss)\b\s*/g, 'ß')
    .replace(/\\([&%$#_{}])/g, '$1')
    .replace(/\\[A-Za-z]+\s*/g, '')
    .replace(/[{}]/g, '')
    .replace(/~/g, ' ')
    .replace(/--/g, '–')
    .replace(/\s+/g, ' ');
}

function formatAuthors(families: string[]): string {
  if (families.length === 0) return '';
  if (families.length === 1) return families[0];
  if (families.length === 2) return `${families[0]} and ${families[1]}`;
  return `${families[0]} et al.`;
}

/* ---------------------------------------------------------------- CSL */

export function parseCslJson(text: string, file = ''): BibRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const problem = jsonSyntaxProblem(text);
    if (problem) throw new Error(`not valid JSON: ${problem.message} (line ${positionsIn(text)(problem.offset).line})`);
    throw new Error(`not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const list = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { items?: unknown }).items) ? (data as { items: unknown[] }).items : undefined;
  if (!list) throw new Error(`a CSL-JSON bibliography must be an array of items (found ${describe(data)})`);
  let starts: number[] | undefined;
  const positionOf = positionsIn(text);
  return cslRecords(list, file, (index) => {
    starts ??= jsonArrayItemStarts(text);
    const o = starts[index];
    return o === undefined ? undefined : positionOf(o).line;
  });
}

export function parseCslYaml(text: string, file = ''): BibRecord[] {
  const positionOf = positionsIn(text);
  const lineOf = (offset: number) => positionOf(offset).line;
  const deep = yamlDepthProblem(text);
  if (deep) throw new Error(`not valid YAML: ${deep.message} (line ${lineOf(deep.offset)})`);
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const open = e.pos[0] >= text.trimEnd().length ? unclosedAt(text) : undefined;
    if (open) throw new Error(`not valid YAML: ${open.what} is never closed (line ${lineOf(open.offset)})`);
    throw new Error(`not valid YAML: ${e.message.split('\n')[0].replace(/[.:]\s*$/, '')} (line ${lineOf(e.pos[0])})`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new Error(`not valid YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  let listNode: YamlNode | null | undefined = doc.contents as YamlNode | null;
  if (isMap(listNode)) listNode = listNode.get('references', true) as YamlNode | undefined;
  const list = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { references?: unknown }).references) ? (data as { references: unknown[] }).references : undefined;
  if (!list) throw new Error(`a CSL-YAML bibliography must be a list of items or hold one under "references" (found ${describe(data)})`);
  const items = isSeq(listNode) ? (listNode.items as (YamlNode | null)[]) : [];
  return cslRecords(list, file, (index) => {
    const r = items[index]?.range;
    return r ? lineOf(r[0]) : undefined;
  });
}

function describe(data: unknown): string {
  if (data === null || data === undefined) return 'nothing';
  if (Array.isArray(data)) return 'a list';
  if (typeof data === 'object') return 'an object without an "items" list';
  return `a ${typeof data}`;
}

/** Offsets where the items of the bibliography's array start: the root array, or the one under "items". */
function jsonArrayItemStarts(text: string): number[] {
  let i = text.search(/\S/);
  if (i < 0) return [];
  if (text[i] === '{') {
    const key = /"items"\s*:\s*\[/.exec(text);
    if (!key) return [];
    i = key.index + key[0].length - 1;
  }
  if (text[i] !== '[') return [];
  const starts: number[] = [];
  let depth = 0;
  let expectItem = false;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      if (depth === 1 && expectItem) starts.push(i), (expectItem = false);
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (c === '[' || c === '{') {
      if (depth === 1 && expectItem) starts.push(i), (expectItem = false);
      depth++;
      if (depth === 1) expectItem = true;
    } else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) break;
    } else if (c === ',' && depth === 1) expectItem = true;
    else if (depth === 1 && expectItem && !/\s/.test(c)) starts.push(i), (expectItem = false);
  }
  return starts;
}

interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

/** Records of CSL items; throws on an item that is not an object or has no id (with its line). A repeated id: the first wins. */
function cslRecords(list: unknown[], file: string, lineOf: (index: number) => number | undefined = () => undefined): BibRecord[] {
  const out: BibRecord[] = [];
  const seen = new Map<string, number>();
  const fail = (msg: string, idx: number): never => {
    const line = lineOf(idx);
    throw new Error(line === undefined ? msg : `${msg} (line ${line})`);
  };
  list.forEach((raw, idx) => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail(`item ${idx + 1} is not an object`, idx);
    const it = raw as Record<string, unknown>;
    if ((typeof it.id !== 'string' || !it.id.trim()) && typeof it.id !== 'number') fail(`item ${idx + 1} has no "id"`, idx);
    // a repeated id: the first item is used, as for a repeated BibTeX key
    if (seen.has(String(it.id))) return;
    seen.set(String(it.id), idx);
    const names = (Array.isArray(it.author) ? it.author : Array.isArray(it.editor) ? it.editor : []) as CslName[];
    const families = names.map((n) => (n && typeof n === 'object' ? (n.family ?? n.literal ?? '') : '')).filter(Boolean);
    const issued = it.issued as { 'date-parts'?: unknown[][]; raw?: string; literal?: string } | undefined;
    const year = issued?.['date-parts']?.[0]?.[0] ?? /\d{4}/.exec(issued?.raw ?? issued?.literal ?? '')?.[0] ?? '';
    out.push({
      key: String(it.id),
      type: typeof it.type === 'string' ? it.type : '',
      author: formatAuthors(families),
      year: String(year),
      title: typeof it.title === 'string' ? it.title : '',
      venue: String(it['container-title'] ?? it.publisher ?? ''),
      file,
      line: lineOf(idx),
    });
  });
  return out;
}
