// `npm run bench`: how fast Policy Lint checks a paper, as RATIOS to a bare remark-parse of the same text measured
// in the same run (so the figures hold on a noisy machine), with absolute milliseconds for reference.
//
//   tsx scripts/bench.ts            the table (Markdown) on stdout, progress on stderr
//   tsx scripts/bench.ts --json     the same figures as JSON on stdout
//   tsx scripts/bench.ts --quick    fewer rounds and edits (a smoke run; figures are rougher)
//   tsx scripts/bench.ts --profile  CPU profile (node --cpu-prof) of analysing the 1 MB paper, summarised by
//                                   file and function (self time)
//   tsx scripts/bench.ts --save FILE   also writes the JSON to FILE (the table and the JSON of one run)
//   tsx scripts/bench.ts --smoke    plumbing check: the 1 MB and 5 MB papers replaced by the 60 KB one
//   tsx scripts/bench.ts --only analysis,server,cli,memory,scaling   only these parts (while working on one of them)
//   tsx scripts/bench.ts --write-corpus DIR   writes the generated papers to DIR (they are never committed)
//
// The 60 KB, 1 MB and 5 MB papers are generated in memory: the example paper and an annex written for this
// script, concatenated copy after copy, each copy with its defined acronyms and their expansions rewritten to
// invented ones (a per-copy letter permutation, so the acronym still matches its expansion's initials), its
// reference-list surnames renamed, its footnote labels made unique and its figures changed, so the ledgers
// (acronyms, figures, citations) grow as they would in a long real paper instead of repeating one copy.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMath from 'remark-math';
import { analyze, AnalysisCache, LineIndex, rules, type AnyRule } from '../server/src/core/index';
import { buildPaper } from '../server/src/core/paper';
import { TestClient } from '../test/protocol/lsp-client';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';

const ROOT = join(__dirname, '..');
const args = process.argv.slice(2);
const JSON_OUT = args.includes('--json');
const QUICK = args.includes('--quick');
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;
const part = (name: 'analysis' | 'server' | 'cli' | 'memory' | 'scaling') => !ONLY || ONLY.includes(name);
const log = (s: string) => process.stderr.write(s + '\n');

// ---------------------------------------------------------------------------------------------------------------
// Seeded randomness

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------------------------
// The corpus

/** An annex written for the benchmark: its own acronyms, figures, citations, a table, lists, a fence, a footnote. */
const ANNEX = `# Annex: Digital Trade Rules and Data Standards in the Indo-Pacific

*Working note prepared for the benchmark corpus; the institutions and figures below are illustrative.*

## A.1 Why data rules matter for supply chains

Supply chains now move as much information as cargo. A shipment of battery precursors from Sulawesi to Osaka generates customs declarations, certificates of origin, inspection records and payment messages, and each of them crosses a border as data before the goods do. The Pacific Data Standards Council (PDSC), a small secretariat funded by five economies, was set up in 2021 to make those records interoperable (Moreau, 2022). Its first output, the Trusted Trade Document Schema (TTDS), now covers certificates of origin and phytosanitary certificates.

Adoption has been uneven. By the end of 2023, 38% of certificates of origin issued in the participating economies used the TTDS format, against 12% two years earlier (Ishikawa and Dlamini, 2023). Exporters in the smaller economies report that the cost of switching, not the rules themselves, is the main obstacle. The PDSC estimates that a mid-sized freight forwarder spends about 4,200 hours a year re-keying documents that could be exchanged electronically.

> Interoperability is a public good that nobody wants to pay for until a port closes.
> — a customs official interviewed in 2023

## A.2 Three regimes for cross-border data

The region's economies have settled on three broad approaches to data that leaves their territory:

1. **Open by default**, with narrow exceptions for personal and national-security data;
2. **Conditional transfer**, allowing flows to partners whose rules are judged equivalent;
3. **Localisation**, requiring copies (or all processing) of certain data to stay onshore.

These three regimes coexist inside every major agreement. The Digital Economy Partnership Agreement (DEPA), signed in 2020, uses modular chapters so that members can sign up to the parts they accept; the Regional Data Flow Compact (RDFC) proposed by Fonseca (2024) would go further and create a single adequacy test. Neither instrument says much about electronic transferable records (ETRs), although ETRs are where paper still dominates trade finance. The PSDC has nonetheless started a working group on ETRs.

**Table A1.** Trade documents issued in the member economies, by document type and medium, 2023 (thousands)

| Document | Electronic | Paper | Total |
|---|---:|---:|---:|
| Certificate of origin | 418 | 682 | 1,100 |
| Phytosanitary certificate | 176 | 144 | 320 |
| Bill of lading | 81 | 819 | 900 |
| Letter of credit | 8 | 22 | 30 |
| **All documents** | **683** | **1,667** | **2,350** |

*Source:* PDSC member returns; totals may not add because of rounding.[^a1]

The bill of lading is the laggard: only 9% were electronic in 2023, because most courts in the region still require an original paper document before they will enforce a claim (Moreau, 2022). In the text of the compact, the same share is reported as 19% — a discrepancy that the secretariat has not explained.

## A.3 A schema fragment

A TTDS record carries an origin criterion as a short code. The fragment below shows the fields a customs system must read:

\`\`\`json
{ "schema": "ttds/1.4", "origin": { "criterion": "CTH", "rvc": 40.0 }, "issuer": "XX-0042" }
\`\`\`

Regional value content, written $RVC = (V - N) / V$, is compared with a threshold that differs by agreement; the PDSC has proposed a single 40% default.

## A.4 Recommendations

We propose four steps:

- publish the TTDS under an open licence;
- fund a help desk for small forwarders;
- pilot ETRs on two shipping lanes;
- report adoption annually.

The Pacific Data Standards Council (PDSC) should own the first two; the RDFC, if it is agreed, the last two. Progress should be measured against the 38% baseline for certificates of origin (Ishikawa and Dlamini, 2023), and a UNCITRAL model law would give the ETR pilots legal footing.

[^a1]: Returns from four of the five member economies; the fifth reported only totals.

## References

Fonseca, L. (2024). *Adequacy Without Borders: A Proposal for Regional Data Flows*. Singapore: Straits Policy Lab.

Ishikawa, R. and Dlamini, N. (2023). “Paper Trails: Measuring the Digitisation of Trade Documents.” *Asian Journal of Trade Facilitation* 4(1): 15–39.

Moreau, C. (2022). *Standards Before Treaties: Data Interoperability in Regional Trade*. Geneva: Lakeside Academic.

Varga, E. (2021). “Customs in the Cloud.” *Border Management Review* 2(3): 88–102.
`;

const SMALL_WORDS = new Set(['and', 'of', 'for', 'the', 'in', 'on', 'to', 'a', 'an', 'de', 'at', 'by', 'with']);
const CONSONANTS = 'bcdfghklmnprstvz';
const VOWELS = 'aeiou';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** What a copy rewrites, found once per base text. */
interface Plan {
  text: string;
  /** Acronym-like tokens that are not ordinary words (defined, undefined and misspelt acronyms). */
  acronyms: string[];
  /** Source text of every definition's expansion, longest first. */
  longForms: string[];
  /** Surnames (and corporate-author words) of the reference list. */
  surnames: string[];
}

function planFor(text: string): Plan {
  const r = analyze(text);
  const acr = r.ledgers.acronyms;
  const acronyms = new Set<string>();
  for (const t of acr.tokens) {
    const s = text.slice(t.range.start, t.range.end);
    if (!acr.isOrdinary(t.acronym) && /^\p{Lu}[\p{Lu}\d]+$/u.test(s)) acronyms.add(s);
  }
  const longForms = new Set<string>();
  for (const d of acr.definitions) longForms.add(text.slice(d.longRange.start, d.longRange.end));
  const surnames = new Set<string>();
  const refs = /^#{1,6}[ \t]+(?:[\dIVX]+\.?[ \t]*)?References[ \t]*$/gim;
  for (let m = refs.exec(text); m; m = refs.exec(text)) {
    const rest = text.slice(m.index + m[0].length);
    const next = /^#{1,6}\s/m.exec(rest);
    for (const para of rest.slice(0, next ? next.index : undefined).split(/\n\s*\n/)) {
      const authors = para.split('(')[0];
      for (const w of authors.match(/\p{Lu}\p{Ll}+/gu) ?? []) surnames.add(w);
    }
  }
  return {
    text,
    acronyms: [...acronyms].sort((a, b) => b.length - a.length),
    longForms: [...longForms].filter((s) => s.trim().length > 3).sort((a, b) => b.length - a.length),
    surnames: [...surnames],
  };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Copy `k` (≥ 1) of a base text, rewritten as described at the top of this file. */
function variant(plan: Plan, k: number): string {
  const rnd = mulberry32(hash(`copy${k}:${plan.text.length}`));
  // a per-copy permutation of the capital letters
  const letters = UPPER.split('');
  for (let i = letters.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [letters[i], letters[j]] = [letters[j], letters[i]];
  }
  const sigma = (c: string) => {
    const i = UPPER.indexOf(c.toUpperCase());
    if (i < 0) return c;
    return c === c.toUpperCase() ? letters[i] : letters[i].toLowerCase();
  };
  const acronym = (a: string) => a.replace(/\p{Lu}/gu, sigma);
  const words = new Map<string, string>();
  /** An invented word: the permuted initial, then syllables derived from the word and the copy. */
  const invent = (w: string): string => {
    let out = words.get(w);
    if (out) return out;
    const wr = mulberry32(hash(`${w}#${k}`));
    out = sigma(w[0]);
    while (out.length < Math.max(3, w.length)) {
      const pool = /[aeiou]$/i.test(out) ? CONSONANTS : VOWELS;
      out += pool[Math.floor(wr() * pool.length)];
    }
    words.set(w, out);
    return out;
  };
  const mapWord = (w: string) => {
    if (SMALL_WORDS.has(w)) return w;
    if (plan.acronyms.includes(w)) return acronym(w);
    if (/^\p{Lu}[\p{Lu}\d]+$/u.test(w)) return w;
    return invent(w);
  };
  let t = plan.text;
  // expansions: every word (hyphen and dash parts separately) to an invented word with the permuted initial
  for (const lf of plan.longForms) t = t.split(lf).join(lf.replace(/\p{L}+/gu, mapWord));
  // acronyms (and their plurals), everywhere
  if (plan.acronyms.length) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}_])(${plan.acronyms.map(escapeRe).join('|')})(?=s?(?![\\p{L}\\p{N}_]))`, 'gu');
    t = t.replace(re, (a) => acronym(a));
  }
  // reference-list surnames, everywhere (citations and entries stay matched)
  if (plan.surnames.length) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}_])(${plan.surnames.map(escapeRe).join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
    t = t.replace(re, (w) => invent(w));
  }
  // footnote labels unique per copy
  t = t.replace(/\[\^([^\]\s]+)\]/g, (_m, label: string) => `[^${label}-c${k}]`);
  // figures: integers ≥ 10 (not years) times an integer factor, so sums still add up; percentages scaled down
  const factor = 2 + (k % 3);
  const share = 0.55 + 0.35 * rnd();
  // in table rows every count is scaled (so columns still add up), elsewhere only those ≥ 10
  t = t.replace(/^\|.*\|[ \t]*$/gm, (row) =>
    /^\|[\s:|-]+\|[ \t]*$/.test(row) ? row : row.replace(/(?<![\p{L}\p{N}_.,])(\d{1,3}(?:,\d{3})+|\d+)(?![\p{L}\p{N}_%]|\.\d|,\d)/gu, (m, int: string) => {
      const value = Number(int.replace(/,/g, ''));
      if (value >= 1900 && value <= 2100) return m;
      return int.includes(',') || value * factor >= 10_000 ? (value * factor).toLocaleString('en-US') : String(value * factor);
    }),
  );
  t = t.replace(/^(?!\|)(.*)$/gm, (line) => line.replace(/(?<![\p{L}\p{N}_.,^\-/\\])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\s?%)?(?![\p{L}\p{N}_]|\.\d|,\d)/gu, (m, int: string, dec: string | undefined, pct: string | undefined) => {
    const value = Number(int.replace(/,/g, '') + (dec ?? ''));
    const decimals = dec ? dec.length - 1 : 0;
    if (pct) return (value * share).toFixed(decimals) + pct;
    if (value < 10 || (!dec && value >= 1900 && value <= 2100)) return m;
    const scaled = (value * factor).toFixed(decimals);
    return int.includes(',') ? Number(scaled).toLocaleString('en-US', { minimumFractionDigits: decimals }) : scaled;
  }));
  return t;
}

const EXAMPLE_PATH = join(ROOT, 'examples', 'trade-frameworks-paper.md');

interface Corpus {
  example: string;
  p60k: string;
  p1m: string;
  p5m: string;
}

/** Whole copies until the size is reached, cut at the last blank line at or below `bytes`. */
function paperOfSize(plans: Plan[], bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let k = 0; size < bytes; k++) {
    for (const plan of plans) {
      const copy = k === 0 ? plan.text : variant(plan, k);
      parts.push(copy.trimEnd());
      size += Buffer.byteLength(copy) + 2;
    }
  }
  const text = parts.join('\n\n') + '\n';
  // cut at a block boundary: the last "\n\n" whose prefix fits
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (Buffer.byteLength(text.slice(0, mid)) <= bytes) lo = mid;
    else hi = mid - 1;
  }
  const cut = text.lastIndexOf('\n\n', lo);
  return cut > 0 ? text.slice(0, cut + 1) : text.slice(0, lo);
}

function buildCorpus(): Corpus {
  const example = readFileSync(EXAMPLE_PATH, 'utf8');
  const plans = [planFor(example), planFor(ANNEX)];
  return {
    example,
    p60k: paperOfSize(plans, 60 * 1024),
    p1m: paperOfSize(plans, 1024 * 1024),
    p5m: paperOfSize(plans, 5 * 1024 * 1024),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics and timing

function median(xs: number[]): number {
  return quantile(xs, 0.5);
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

function timeOnce(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** Runs the tasks round after round in a shuffled order (interleaved), after warm-up rounds; medians per task. */
function interleaved(tasks: Record<string, () => unknown>, rounds: number, warmup: number, seed: number): Record<string, { median: number; samples: number[] }> {
  const names = Object.keys(tasks);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const rnd = mulberry32(seed);
  for (let r = 0; r < warmup + rounds; r++) {
    const order = [...names];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const n of order) {
      const ms = timeOnce(tasks[n]);
      if (r >= warmup) samples[n].push(ms);
    }
  }
  return Object.fromEntries(names.map((n) => [n, { median: median(samples[n]), samples: samples[n] }]));
}

// ---------------------------------------------------------------------------------------------------------------
// Rows of the table

interface Row {
  measure: string;
  paper: string;
  /** Absolute milliseconds (or MB for memory), for reference. */
  value: number | null;
  unit: 'ms' | 'MB' | 'ms/KB';
  /** The figure that counts: a ratio to the bare parse (or another stated baseline). */
  ratio: number | null;
  ratioTo: string;
  target?: string;
  pass?: boolean;
  note?: string;
}

const rows: Row[] = [];
const raw: Record<string, unknown> = {};

const bare = unified().use(remarkParse);
const full = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkMath);

function families(): { family: string; rules: AnyRule[] }[] {
  const ids = [...new Set(rules.map((r) => r.meta.id.split('/')[0]))];
  return ids.map((family) => ({ family, rules: rules.filter((r) => r.meta.id.startsWith(family + '/')) }));
}

function kb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

const INCREMENTAL = 're-check after a one-character edit (core, warm cache)';

/** Full analysis, its parts and each rule family, interleaved with the bare parse of the same text; medians. */
function analysisBench(label: string, text: string, rounds: number, warmup: number, withFamilies = true): { parse: number; analyze: number } {
  const size = Buffer.byteLength(text);
  log(`analysis: ${label} (${kb(size)}), ${rounds} rounds after ${warmup} warm-up`);
  const tasks: Record<string, () => unknown> = {
    'bare parse': () => bare.parse(text),
    'full analysis': () => analyze(text),
    'parser with extensions (gfm, math, front matter)': () => full.parse(text),
    'paper model (parse + prose blocks)': () => buildPaper(text),
    'paper + ledgers, no rules': () => analyze(text, { rules: [] }),
  };
  if (withFamilies) for (const f of families()) tasks[`${f.family} rules only (+ paper, ledgers)`] = () => analyze(text, { rules: f.rules });
  // incremental: the document's cache is warm; each run checks the next version of an edit sequence, one character
  // inserted at a random place into the version checked before it (as an author types: no version repeats, so
  // nothing an earlier run cached for it can help)
  const cache = new AnalysisCache();
  analyze(text, { cache });
  const rng = mulberry32(hash(label) ^ 0x5eed);
  const versions: string[] = [];
  for (let v = text, i = 0; i < rounds + warmup + 1; i++) {
    const at = surrogateSafe(v, Math.floor(rng() * v.length));
    versions.push((v = v.slice(0, at) + 'e' + v.slice(at)));
  }
  let k = 0;
  tasks[INCREMENTAL] = () => analyze(versions[k++], { cache });
  const res = interleaved(tasks, rounds, warmup, hash(label));
  const parse = res['bare parse'].median;
  raw[`analysis ${label}`] = { bytes: size, ...Object.fromEntries(Object.entries(res).map(([k, v]) => [k, v.samples])) };
  // each round timed every task once: the ratio within a round is a second estimate, steadier when the machine's
  // load changes between rounds (a target counts as met only when both are)
  const parseSamples = res['bare parse'].samples;
  const perRound = (samples: number[]) => median(samples.map((ms, r) => ms / parseSamples[r]));
  for (const [name, { median: ms, samples }] of Object.entries(res)) {
    const isFull = name === 'full analysis';
    const roundRatio = perRound(samples);
    const ratio = ms / parse;
    rows.push({
      measure: name,
      paper: `${label} (${kb(size)})`,
      value: ms,
      unit: 'ms',
      ratio,
      ratioTo: 'bare parse',
      ...(isFull ? { target: '≤ 1.3×', pass: ratio <= 1.3 && roundRatio <= 1.3 } : {}),
      ...(name === INCREMENTAL ? { target: '< 1× parse', pass: ratio < 1 && roundRatio < 1 } : {}),
      ...(name === 'bare parse' ? {} : { note: `median of per-round ratios ${roundRatio.toFixed(2)}×` }),
    });
  }
  return { parse, analyze: res['full analysis'].median };
}

// ---------------------------------------------------------------------------------------------------------------
// The language server over stdio

function rssMb(pid: number): number {
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
}

function peakRssMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

function surrogateSafe(text: string, offset: number): number {
  const c = text.charCodeAt(offset);
  return c >= 0xdc00 && c <= 0xdfff ? offset + 1 : offset;
}

/** Random positions inside acronym tokens of the text (seeded). */
function acronymPositions(text: string, n: number, seed: number): number[] {
  const tokens = analyze(text).ledgers.acronyms.tokens;
  const rnd = mulberry32(seed);
  return Array.from({ length: n }, () => {
    const t = tokens[Math.floor(rnd() * tokens.length)];
    return t.range.start + Math.floor(rnd() * Math.max(1, t.range.end - t.range.start));
  });
}

/**
 * `edits` single-character edits at seeded random places of an open document (insert 50 %, delete 25 %, replace 25 %;
 * 20 more first as warm-up), each a `didChange` with the next version, timed from sending it to the
 * `publishDiagnostics` of that version.
 */
async function timedEdits(client: TestClient, uri: string, text: string, version: number, edits: number, seed: number) {
  const rnd = mulberry32(seed);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;()-*_#|[]\n';
  const warm = Math.min(20, edits);
  const latencies: number[] = [];
  const kinds = { insert: 0, delete: 0, replace: 0 };
  let last: PublishDiagnosticsParams | undefined;
  for (let i = 0; i < warm + edits; i++) {
    const lines = new LineIndex(text);
    const at = surrogateSafe(text, Math.floor(rnd() * (text.length + 1)));
    const roll = rnd();
    const ch = alphabet[Math.floor(rnd() * alphabet.length)];
    const start = at;
    let end = at;
    let insert = ch;
    if (roll >= 0.5 && at < text.length) {
      const c = text.charCodeAt(at);
      end = at + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
      if (roll < 0.75) insert = '';
    }
    const kind = start === end ? 'insert' : insert ? 'replace' : 'delete';
    const range = { start: lines.positionAt(start), end: lines.positionAt(end) };
    text = text.slice(0, start) + insert + text.slice(end);
    version++;
    const v = version;
    const waiting = client.nextDiagnostics(uri, (p) => p.version === v);
    const t = performance.now();
    client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range, text: insert }] });
    last = await waiting;
    const ms = performance.now() - t;
    if (i >= warm) {
      latencies.push(ms);
      kinds[kind]++;
    }
  }
  return { latencies, kinds, warm, text, last: last! };
}

async function editBench(text60: string, parse60: number, edits: number, requests: number, example: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pl-bench-'));
  const uri = pathToFileURL(join(dir, 'paper-60k.md')).toString();
  const client = new TestClient(dir);
  try {
    await client.initialize(pathToFileURL(dir).toString(), {});
    let text = text60;
    let version = 1;
    const t0 = performance.now();
    client.open(uri, text, version);
    await client.diagnostics(uri, (p) => p.version === version);
    const firstPublish = performance.now() - t0;
    rows.push({ measure: 'open → first publishDiagnostics (server)', paper: `60 KB (${kb(Buffer.byteLength(text60))})`, value: firstPublish, unit: 'ms', ratio: firstPublish / parse60, ratioTo: 'bare parse' });

    const run = await timedEdits(client, uri, text, version, edits, 20250607);
    text = run.text;
    const { latencies, kinds, warm } = run;
    const last = run.last;
    const p50 = quantile(latencies, 0.5);
    const p95 = quantile(latencies, 0.95);
    raw.editLatencies = latencies;
    raw.editKinds = kinds;
    const paper = `60 KB, ${edits} edits`;
    rows.push({ measure: 'edit → publishDiagnostics, p50', paper, value: p50, unit: 'ms', ratio: p50 / parse60, ratioTo: 'bare parse (60 KB)' });
    rows.push({
      measure: 'edit → publishDiagnostics, p95',
      paper,
      value: p95,
      unit: 'ms',
      ratio: p95 / parse60,
      ratioTo: 'bare parse (60 KB)',
      target: '≤ 10 ms and < 1× parse',
      pass: p95 <= 10 && p95 < parse60,
      note: `${kinds.insert} inserts, ${kinds.delete} deletions, ${kinds.replace} replacements (after ${warm} warm-up edits)`,
    });

    // hover and code actions at random acronym positions of the current text (its analysis is cached)
    const lines = new LineIndex(text);
    const hoverAt = acronymPositions(text, requests + 5, 7);
    const hovers: number[] = [];
    let hoverHits = 0;
    for (const [i, off] of hoverAt.entries()) {
      const t = performance.now();
      const h = await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: lines.positionAt(off) });
      const ms = performance.now() - t;
      if (i >= 5) {
        hovers.push(ms);
        if (h) hoverHits++;
      }
    }
    const diagnostics: Diagnostic[] = last.diagnostics;
    const actionAt = acronymPositions(text, requests + 5, 11);
    const actionMs: number[] = [];
    let withDiagnostics = 0;
    let actionCount = 0;
    for (const [i, off] of actionAt.entries()) {
      const pos = lines.positionAt(off);
      const inRange = diagnostics.filter((d) => !before(pos, d.range.start) && !before(d.range.end, pos));
      const t = performance.now();
      const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: pos, end: pos }, context: { diagnostics: inRange } })) as unknown[];
      const ms = performance.now() - t;
      if (i >= 5) {
        actionMs.push(ms);
        if (inRange.length) withDiagnostics++;
        actionCount += actions?.length ?? 0;
      }
    }
    raw.hoverLatencies = hovers;
    raw.codeActionLatencies = actionMs;
    const hp95 = quantile(hovers, 0.95);
    const cp95 = quantile(actionMs, 0.95);
    rows.push({ measure: 'hover, p95', paper: `60 KB, ${requests} requests`, value: hp95, unit: 'ms', ratio: hp95 / parse60, ratioTo: 'bare parse (60 KB)', target: '≤ 5 ms', pass: hp95 <= 5, note: `p50 ${quantile(hovers, 0.5).toFixed(2)} ms; ${hoverHits} returned a card` });
    rows.push({ measure: 'code action, p95', paper: `60 KB, ${requests} requests`, value: cp95, unit: 'ms', ratio: cp95 / parse60, ratioTo: 'bare parse (60 KB)', note: `p50 ${quantile(actionMs, 0.5).toFixed(2)} ms; ${withDiagnostics} with diagnostics in range, ${actionCount} actions returned` });

    // the same edits on the example paper, a quarter of the size: what of the latency does not shrink with the paper
    // (the round trip, the check's fixed part, the machine's noise), for reading the 60 KB figures
    const exampleUri = pathToFileURL(join(dir, 'example.md')).toString();
    client.open(exampleUri, example, 1);
    await client.diagnostics(exampleUri, (p) => p.version === 1);
    const small = await timedEdits(client, exampleUri, example, 1, edits, 20250607);
    raw.exampleEditLatencies = small.latencies;
    const smallPaper = `example paper (${kb(Buffer.byteLength(example))}), ${edits} edits`;
    for (const [name, q] of [['p50', 0.5], ['p95', 0.95]] as const) {
      const ms = quantile(small.latencies, q);
      rows.push({ measure: `edit → publishDiagnostics, ${name}`, paper: smallPaper, value: ms, unit: 'ms', ratio: ms / parse60, ratioTo: 'bare parse (60 KB)', ...(name === 'p95' ? { note: 'for scale: the same kind of edits on a paper a quarter of the size' } : {}) });
    }
    raw.serverStderr = client.stderr.slice(0, 2000);
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

async function memoryBench(text5m: string, small: string, parse5m: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pl-bench-'));
  const uri = pathToFileURL(join(dir, 'paper-5m.md')).toString();
  const smallUri = pathToFileURL(join(dir, 'small.md')).toString();
  const client = new TestClient(dir);
  try {
    await client.initialize(pathToFileURL(dir).toString(), {});
    client.open(smallUri, small, 1);
    await client.diagnostics(smallUri, (p) => p.version === 1);
    const pid = client.child.pid!;
    const idle = rssMb(pid);
    const t0 = performance.now();
    const published = client.nextDiagnostics(uri, (p) => p.version === 1);
    await client.open(uri, text5m, 1);
    // a hover on the small paper while the 5 MB one is being checked (sent 50 ms after the didOpen was written)
    await new Promise((r) => setTimeout(r, 50));
    const pos = new LineIndex(small).positionAt(acronymPositions(small, 1, 3)[0]);
    const th = performance.now();
    const hover = client.conn.sendRequest('textDocument/hover', { textDocument: { uri: smallUri }, position: pos }).then(() => performance.now() - th);
    const p: PublishDiagnosticsParams = await published;
    const firstPublish = performance.now() - t0;
    const hoverMs = await hover;
    const rss = rssMb(pid);
    const peak = peakRssMb(pid);
    const paper = `5 MB (${kb(Buffer.byteLength(text5m))})`;
    rows.push({ measure: 'open → first publishDiagnostics (server)', paper, value: firstPublish, unit: 'ms', ratio: firstPublish / parse5m, ratioTo: 'bare parse', note: `${p.diagnostics.length} diagnostics` });
    rows.push({ measure: 'hover on another paper while the 5 MB one is checked', paper, value: hoverMs, unit: 'ms', ratio: hoverMs / parse5m, ratioTo: 'bare parse (5 MB)', target: '≤ 50 ms', pass: hoverMs <= 50, note: 'Reliability section target; sent 50 ms after didOpen' });
    rows.push({ measure: 'server RSS after first publish', paper, value: rss, unit: 'MB', ratio: rss / idle, ratioTo: 'idle server RSS', target: '≤ 150 MB', pass: rss <= 150, note: `idle (small paper open) ${idle.toFixed(0)} MB${peak ? `; peak (VmHWM) ${peak.toFixed(0)} MB` : ''}` });
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Memory over an editing session, in the core: the heap in use (after full collections) once the 60 KB paper has
 * been checked, then after `edits` single-character inserts at seeded random places, each version checked with the
 * same cache (as the server does). What the cache and the last result hold should stay about what one check needs.
 */
function sessionMemoryBench(text60: string, edits: number): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  // the data the heap holds (not the machine code the JIT makes meanwhile, which grows over the first edits)
  const DATA_SPACES = new Set(['new_space', 'old_space', 'large_object_space', 'new_large_object_space']);
  const heap = () => {
    gc();
    gc();
    return getHeapSpaceStatistics().reduce((sum, sp) => sum + (DATA_SPACES.has(sp.space_name) ? sp.space_used_size : 0), 0) / 1048576;
  };
  // one session first: the JIT's own data (feedback, compiled code) grows over the first thousand edits, and would
  // count as growth of the cache
  const session = (measure?: (point: 'first' | 'edits') => void) => {
    const cache = new AnalysisCache();
    let text = text60;
    let result = analyze(text, { cache });
    measure?.('first');
    const rnd = mulberry32(4242);
    const alphabet = 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;()-*_#|[]\n';
    for (let i = 0; i < edits; i++) {
      const at = surrogateSafe(text, Math.floor(rnd() * (text.length + 1)));
      text = text.slice(0, at) + alphabet[Math.floor(rnd() * alphabet.length)] + text.slice(at);
      result = analyze(text, { cache });
    }
    measure?.('edits');
    return result.findings.length;
  };
  session();
  const before = heap();
  const at: Record<string, number> = {};
  const findings = session((point) => (at[point] = heap()));
  const first = at.first - before;
  const grown = at.edits - at.first;
  rows.push({
    measure: `heap growth over ${edits} edits (core, cache kept)`,
    paper: `60 KB (${kb(Buffer.byteLength(text60))})`,
    value: grown,
    unit: 'MB',
    ratio: grown / first,
    ratioTo: 'heap held after the first check',
    note: `the cache and the result hold ${first.toFixed(1)} MB after the first check, ${(at.edits - before).toFixed(1)} MB after the edits; ${findings} findings at the end`,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Scaling on pathological papers

/** Three letters for a number: AAA, BAA, … (distinct up to 17,576). */
function letters(i: number): string {
  return [i % 26, Math.floor(i / 26) % 26, Math.floor(i / 676) % 26].map((k) => String.fromCharCode(65 + k)).join('');
}

/**
 * Papers made of one construct repeated n times, for the scaling check: each stresses a part of the analysis that
 * a pairwise or per-item-over-the-whole-paper step would make quadratic (or a parser's worst case).
 */
const PATHOLOGICAL: Record<string, (n: number) => string> = {
  'definitions sharing a first word': (n) =>
    Array.from({ length: n }, (_, i) => `The Alpha ${letters(i)[1]}eta ${letters(i)[2]}amma Board (A${letters(i).slice(1)}B) grew ${i % 90}% in 2021.`).join('\n\n'),
  'distinct acronyms, defined and used': (n) => Array.from({ length: n }, (_, i) => `The ${letters(i)[0]}xx ${letters(i)[1]}yy ${letters(i)[2]}zz (${letters(i)}) met. ${letters(i)} grew.`).join('\n\n'),
  'near misses of one acronym': (n) => `The Regional Comprehensive Economic Partnership (RCEP) met.\n\n${Array.from({ length: n }, (_, i) => `The RC${letters(i)[0]}P and R${letters(i)[1]}EP met.`).join(' ')}`,
  'shares of one total, one paragraph': (n) => Array.from({ length: n }, (_, i) => `Country ${letters(i)} accounted for ${(i % 40) + 1}% of the region's trade in 2020.`).join(' '),
  'uncited claims, one paragraph': (n) => Array.from({ length: n }, (_, i) => `Trade grew by ${i}% in 2020, the largest rise on record.`).join(' '),
  'citations of one surname': (n) =>
    `${Array.from({ length: n }, (_, i) => `Trade grew (Tanaka, ${1900 + (i % 120)}${String.fromCharCode(97 + (i % 26))}).`).join(' ')}\n\n## References\n\n${Array.from({ length: n }, (_, i) => `Tanaka, K. (${1900 + (i % 120)}${String.fromCharCode(97 + (i % 26))}). Report ${i}.`).join('\n\n')}`,
  'footnotes': (n) => `${Array.from({ length: n }, (_, i) => `Text[^${i}].`).join(' ')}\n\n${Array.from({ length: n }, (_, i) => `[^${i}]: Note ${i}.`).join('\n\n')}`,
  'list introductions': (n) => Array.from({ length: n }, (_, i) => `The three goals are:\n\n- one ${i}\n- two\n- three\n`).join('\n'),
  'table rows': (n) => `| Item | Share | Body |\n|---|---:|---|\n${Array.from({ length: n }, (_, i) => `| ${i} | ${i % 100}% | IPEF |\n`).join('')}`,
  'one paragraph on one line': (n) => 'The RCEP grew 5% in 2020 (Smith, 2020). '.repeat(n),
  'list nested 30 deep': (n) => Array.from({ length: n }, (_, i) => `${' '.repeat((i % 30) * 2)}- item ${i} of 3%\n`).join(''),
};

/**
 * For each pathological paper: the full analysis of it at n and at 4n repetitions (after one warm-up of each), and
 * how the time grows against the text (1× = linear; a step quadratic in n shows as about 4×).
 */
function scalingBench(n: number): void {
  for (const [name, make] of Object.entries(PATHOLOGICAL)) {
    const small = make(n);
    const big = make(4 * n);
    analyze(small);
    const t1 = Math.min(timeOnce(() => analyze(small)), timeOnce(() => analyze(small)));
    const t4 = timeOnce(() => analyze(big));
    const growth = t4 / t1 / (big.length / small.length);
    rows.push({
      measure: `pathological: ${name}`,
      paper: `${kb(Buffer.byteLength(small))} → ${kb(Buffer.byteLength(big))}`,
      value: t4,
      unit: 'ms',
      ratio: growth,
      ratioTo: 'linear growth',
      note: `${t1.toFixed(0)} ms → ${t4.toFixed(0)} ms for ${(big.length / small.length).toFixed(1)}× the text`,
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// CLI cold start

function cliBench(text60: string, parse60: number, runs: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'pl-bench-'));
  const file = join(dir, 'paper-60k.md');
  writeFileSync(file, text60);
  const bin = join(ROOT, 'bin', 'policy-lint.js');
  const run = (argv: string[]) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, argv, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = performance.now() - t;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
    return ms;
  };
  const cli: number[] = [];
  const node: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const c = run([bin, file]);
    const n = run(['-e', '0']);
    if (i > 0) {
      cli.push(c);
      node.push(n);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const c = median(cli);
  const n = median(node);
  raw.cli = { cli, node };
  rows.push({ measure: '`node -e 0`', paper: '—', value: n, unit: 'ms', ratio: n / parse60, ratioTo: 'bare parse (60 KB)' });
  rows.push({ measure: 'CLI cold start, median', paper: `60 KB, ${runs} runs`, value: c, unit: 'ms', ratio: c / parse60, ratioTo: 'bare parse (60 KB)', target: '≤ 400 ms', pass: c <= 400, note: `${(c / n).toFixed(1)}× \`node -e 0\`` });
}

// ---------------------------------------------------------------------------------------------------------------
// Output

function machine() {
  const cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const nproc = (() => {
    try {
      return execFileSync('nproc', { encoding: 'utf8' }).trim();
    } catch {
      return String(cpus().length);
    }
  })();
  return { nproc, cpu, node: process.version, date: new Date().toISOString() };
}

function fmt(x: number | null, digits = 2): string {
  if (x === null || !Number.isFinite(x)) return '—';
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(digits);
}

function table(): string {
  const out = ['| Measure | Paper | Absolute | Ratio | Target | Result | Note |', '|---|---|---:|---:|---|---|---|'];
  for (const r of rows) {
    const ratio = r.ratio === null ? '—' : `${fmt(r.ratio)}× ${r.ratioTo}`;
    const result = r.pass === undefined ? '' : r.pass ? 'PASS' : 'FAIL';
    out.push(`| ${r.measure} | ${r.paper} | ${fmt(r.value)} ${r.unit} | ${ratio} | ${r.target ?? ''} | ${result} | ${r.note ?? ''} |`);
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// CPU profile of the 1 MB paper

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

function profile(corpus: Corpus): void {
  const dir = mkdtempSync(join(tmpdir(), 'pl-prof-'));
  const file = join(dir, 'paper-1m.md');
  writeFileSync(file, corpus.p1m);
  const profDir = join(dir, 'prof');
  mkdirSync(profDir);
  log(`profiling analysis of ${file} with node --cpu-prof …`);
  const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profDir, '--import', 'tsx', __filename, '--profile-child', file], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`profile run exited ${r.status}`);
  const prof = JSON.parse(readFileSync(join(profDir, readdirSync(profDir)[0]), 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const self = new Map<number, number>();
  prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0) / 1000));
  const byFile = new Map<string, number>();
  const byFn = new Map<string, number>();
  const byCategory = new Map<string, number>();
  let total = 0;
  for (const node of prof.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (!ms) continue;
    const { url, functionName } = node.callFrame;
    if (functionName === '(idle)') continue;
    total += ms;
    const file = where(url, functionName);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    const name = functionName.length > 70 ? functionName.slice(0, 67) + '…' : functionName;
    const fn = `${name || '(anonymous)'} · ${file}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + ms);
    const cat = category(file);
    byCategory.set(cat, (byCategory.get(cat) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  const pct = (ms: number) => `${((ms / total) * 100).toFixed(1)}%`;
  const lines = [`CPU self time: ${total.toFixed(0)} ms sampled (idle excluded): start-up, one warm-up and 3 analyses of the 1 MB paper`, ''];
  lines.push('| Where | Self ms | Share |', '|---|---:|---:|');
  for (const [c, ms] of top(byCategory, 10)) lines.push(`| ${c} | ${ms.toFixed(0)} | ${pct(ms)} |`);
  lines.push('', '| File | Self ms | Share |', '|---|---:|---:|');
  for (const [f, ms] of top(byFile, 25)) lines.push(`| ${f} | ${ms.toFixed(0)} | ${pct(ms)} |`);
  lines.push('', '| Function · file | Self ms | Share |', '|---|---:|---:|');
  for (const [f, ms] of top(byFn, 30)) lines.push(`| ${f.replace(/\|/g, '\\|')} | ${ms.toFixed(0)} | ${pct(ms)} |`);
  console.log(lines.join('\n'));
  rmSync(dir, { recursive: true, force: true });
}

/** The file of a call frame: a package under node_modules, a repository path, or the VM's own entries. */
function where(url: string, functionName: string): string {
  if (!url && functionName.startsWith('RegExp:')) return '(regular expressions, run natively)';
  if (!url) return functionName === '(garbage collector)' ? '(garbage collector)' : functionName === '(program)' ? '(program: V8 compile, IC misses)' : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const file = url.replace(/^file:\/\//, '');
  const nm = file.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const pkg = file.slice(nm + 14).split('/');
    return `node_modules/${pkg[0].startsWith('@') ? pkg[0] + '/' + pkg[1] : pkg[0]}`;
  }
  return file.startsWith(ROOT + '/') ? file.slice(ROOT.length + 1) : file;
}

function category(file: string): string {
  if (/^node_modules\/(micromark|mdast-util|remark-|unified|unist-|vfile|decode-named|character-entities|markdown-table|ccount|devlop|trim-lines|longest-streak|zwitch|bail|trough|is-plain-obj|extend)/.test(file)) return 'Markdown parser (micromark, mdast-util-*, remark, unist)';
  if (file.startsWith('server/src/core/acronyms/')) return 'core: acronyms';
  if (file.startsWith('server/src/core/citations/')) return 'core: citations';
  if (file.startsWith('server/src/core/numbers/')) return 'core: numbers';
  if (file.startsWith('server/src/rules/')) return 'rules (server/src/rules)';
  if (file.startsWith('server/src/')) return 'core: paper model, sentences, ledgers, analyze';
  if (file === '(garbage collector)') return 'garbage collector';
  if (file.startsWith('(regular expressions')) return 'regular expressions (the core\'s patterns, run natively)';
  if (file.startsWith('node_modules/tsx') || file.startsWith('node_modules/esbuild') || file === 'node internals' || file.startsWith('(program')) return 'start-up (tsx, module loading, V8 compile)';
  return 'other';
}

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const child = args.indexOf('--profile-child');
  if (child >= 0) {
    const text = readFileSync(args[child + 1], 'utf8');
    analyze(text);
    for (let i = 0; i < 3; i++) analyze(text);
    return;
  }
  log('building the corpus …');
  const t = performance.now();
  const corpus = buildCorpus();
  if (args.includes('--smoke')) corpus.p1m = corpus.p5m = corpus.p60k;
  log(`corpus built in ${(performance.now() - t).toFixed(0)} ms`);
  const write = args.indexOf('--write-corpus');
  if (write >= 0) {
    const dir = args[write + 1];
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(corpus)) writeFileSync(join(dir, `${name}.md`), text);
    log(`wrote ${Object.keys(corpus).length} papers to ${dir}`);
    return;
  }
  if (args.includes('--profile')) {
    profile(corpus);
    return;
  }
  const m = machine();
  const q = QUICK ? 0.34 : 1;
  const rounds = (n: number) => Math.max(3, Math.round(n * q));
  // rounds are fewer as papers grow (the machine's JIT is warm by then); the 5 MB paper skips the per-family
  // runs, which cost as much as a full analysis each (the ledgers dominate), to keep the run within minutes
  if (part('analysis')) analysisBench('example paper', corpus.example, rounds(20), 5);
  // without the analysis part, the server and CLI parts still need the bare parse of the papers they use
  const parseOnly = (label: string, text: string, n: number) => {
    log(`bare parse: ${label}`);
    return { parse: interleaved({ 'bare parse': () => bare.parse(text) }, n, 2, hash(label))['bare parse'].median, analyze: NaN };
  };
  const a60 = part('analysis') ? analysisBench('60 KB', corpus.p60k, rounds(15), 3) : parseOnly('60 KB', corpus.p60k, 15);
  // 9 rounds at 1 MB: with 4, one run's full analysis came out 36 % above "paper + ledgers, no rules" (which does all
  // of it but the rules, about 5 %): the machine's load changes within a round
  const a1m = part('analysis') ? analysisBench('1 MB', corpus.p1m, QUICK ? 2 : 9, 1) : { parse: NaN, analyze: NaN };
  const a5m = part('analysis') ? analysisBench('5 MB', corpus.p5m, QUICK ? 1 : 2, 0, false) : part('memory') ? parseOnly('5 MB', corpus.p5m, 3) : { parse: NaN, analyze: NaN };
  // time per KB, 60 KB → 5 MB
  if (part('analysis')) {
    const perKb = [a60, a1m, a5m].map((a, i) => a.analyze / (Buffer.byteLength([corpus.p60k, corpus.p1m, corpus.p5m][i]) / 1024));
    const parsePerKb = [a60, a1m, a5m].map((a, i) => a.parse / (Buffer.byteLength([corpus.p60k, corpus.p1m, corpus.p5m][i]) / 1024));
    const flat = Math.max(...perKb) / Math.min(...perKb);
    rows.push({
      measure: 'full analysis per KB: max ÷ min over 60 KB, 1 MB, 5 MB',
      paper: '60 KB → 5 MB',
      value: perKb[2],
      unit: 'ms/KB',
      ratio: flat,
      ratioTo: 'flatness',
      target: '≤ 1.5×',
      pass: flat <= 1.5,
      note: `ms/KB: ${perKb.map((x) => x.toFixed(3)).join(' · ')} (bare parse: ${parsePerKb.map((x) => x.toFixed(3)).join(' · ')}, flatness ${(Math.max(...parsePerKb) / Math.min(...parsePerKb)).toFixed(2)}×)`,
    });
  }
  if (part('server')) {
    log('server: edit latency, hover, code actions …');
    await editBench(corpus.p60k, a60.parse, QUICK ? 60 : 200, QUICK ? 20 : 50, corpus.example);
  }
  if (part('cli')) {
    log('CLI cold start …');
    cliBench(corpus.p60k, a60.parse, QUICK ? 4 : 10);
  }
  if (part('memory')) {
    log('server: memory with the 5 MB paper …');
    await memoryBench(corpus.p5m, corpus.example, a5m.parse);
    log('core: memory over an editing session …');
    sessionMemoryBench(corpus.p60k, QUICK ? 300 : 1000);
  }
  if (part('scaling')) {
    log('core: scaling on pathological papers …');
    scalingBench(QUICK ? 250 : 1000);
  }
  const json = JSON.stringify({ machine: m, quick: QUICK, sizes: Object.fromEntries(Object.entries(corpus).map(([k, v]) => [k, Buffer.byteLength(v)])), rows, raw }, null, 2);
  const save = args.indexOf('--save');
  if (save >= 0) writeFileSync(args[save + 1], json);
  if (JSON_OUT) {
    console.log(json);
  } else {
    console.log(`Policy Lint benchmark — ${m.date}${QUICK ? ' (quick run)' : ''}`);
    console.log(`Machine: ${m.nproc} CPUs (nproc), ${m.cpu}, Node ${m.node}\n`);
    console.log(table());
    const failed = rows.filter((r) => r.pass === false).length;
    const passed = rows.filter((r) => r.pass === true).length;
    console.log(`\nTargets: ${passed} PASS, ${failed} FAIL`);
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
