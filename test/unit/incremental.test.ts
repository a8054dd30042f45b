// Incremental checking: an analysis that reuses the cache of earlier versions of a document (parsed chunks,
// per-block facts) must give exactly what a fresh analysis of the same text gives. Random edit sequences — single
// characters, words, whole lines and paragraphs, inserted, deleted or replaced at random places — on the example
// paper and the fixtures; after every edit both findings lists (ranges, messages, fixes, related locations) and
// the paper model must be equal.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, analyzeAsync, type AnalysisResult } from '../../server/src/core/index';
import { AnalysisCache } from '../../server/src/core/cache';
import { createKnowledgeBase } from '../../server/src/kb/index';

const ROOT = join(__dirname, '..', '..');
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) & 0x7fffffff;

function view(r: AnalysisResult) {
  return {
    findings: r.findings,
    blocks: r.paper.blocks.map((b) => [b.kind, b.range.start, b.range.end, b.text, b.section?.path.join(' > '), b.listId, b.listItem]),
    acronyms: [...r.ledgers.acronyms.records.keys()].sort(),
    figures: r.ledgers.figures.figures.map((f) => [f.range.start, f.key]),
  };
}

const SNIPPETS = [
  'e', ' ', '\n', '\n\n', '.', '(', ')', '%', '5', ' the Regional Comprehensive Economic Partnership (RCEP)', ' IPEF', ' 42.5%',
  '\n\n## New section\n\n', '\n\n- a new item\n', '\n\n> a quote\n\n', ' (Tanaka, 2021)', '[^9]', '\n\n[^9]: A note.\n',
  ' for the first time', '\n\n```\ncode\n\n```\n\n', '\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n', ' US$3 billion', '*', '<!-- policy-lint-disable -->',
];

const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat({ max: 40 }), ins: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 6 })) });

function applyEdit(text: string, e: { at: number; del: number; ins: string }): string {
  const at = Math.min(text.length, Math.floor(e.at * text.length));
  return text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
}

describe('incremental analysis equals a fresh one', () => {
  const papers = [join(ROOT, 'examples', 'trade-frameworks-paper.md'), ...readdirSync(join(ROOT, 'test', 'fixtures')).filter((f) => f.endsWith('.md')).map((f) => join(ROOT, 'test', 'fixtures', f))];
  let edits = 0;
  for (const file of papers) {
    it(`random edit sequences on ${file.slice(ROOT.length + 1)}`, () => {
      const original = readFileSync(file, 'utf8');
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (sequence) => {
          const cache = new AnalysisCache();
          let text = original;
          analyze(text, { cache });
          for (const e of sequence) {
            text = applyEdit(text, e);
            edits++;
            expect(view(analyze(text, { cache }))).toEqual(view(analyze(text)));
          }
        }),
        { seed: SEED, numRuns: file.includes('examples') ? 12 : 4 },
      );
    }, 120_000);
  }
  it('reports what it ran', () => {
    console.log(`incremental.test: seed ${SEED}; ${edits} edits, each checked against a fresh analysis`);
    expect(edits).toBeGreaterThan(0);
  });

  it('reuses the cache: a one-character edit recomputes a small part', () => {
    const text = readFileSync(join(ROOT, 'examples', 'trade-frameworks-paper.md'), 'utf8');
    const cache = new AnalysisCache();
    analyze(text, { cache });
    const cold = cache.misses;
    const at = text.indexOf('\n\n', text.length >> 1);
    analyze(text.slice(0, at) + ' x' + text.slice(at), { cache });
    expect(cache.misses - cold).toBeLessThan(cold / 10);
  });

  it('re-frames a figure when the definition its words spell out changes, and only then', () => {
    // the long form in the second paragraph is read as the acronym: the two figures measure the same thing
    const text =
      'This paper uses the services trade restrictiveness score (STRS) of the OECD (OECD, 2020).\n\n' +
      'Vietnam’s services trade restrictiveness score rose 12% in 2022 (OECD, 2023).\n\n' +
      'Vietnam’s STRS rose 15% in 2022 (OECD, 2023).\n\nIndonesia’s tariff revenue rose 7% in 2022 (WTO, 2023).\n';
    const keys = (r: AnalysisResult) => r.ledgers.figures.figures.map((f) => f.key);
    const cache = new AnalysisCache();
    const first = analyze(text, { cache });
    expect(keys(first)).toEqual(['change|percent|1|country:Vietnam|str|2022', 'change|percent|1|country:Vietnam|str|2022', 'change|percent|1|country:Indonesia|revenue tariff|2022']);
    expect(first.findings.filter((f) => f.ruleId === 'number/inconsistent-figure').map((f) => f.range.start)).toEqual([text.indexOf('12%'), text.indexOf('15%')]);
    const versions = [
      text.replace('(STRS) of', '(STRX) of'),
      text.replace('services trade restrictiveness score (STRS)', 'services trade openness score (STRS)'),
      text.replace('OECD (OECD, 2020)', 'OECD (OECD, 2021)'),
      text,
    ];
    for (const edited of versions) {
      const r = analyze(edited, { cache });
      expect(view(r)).toEqual(view(analyze(edited)));
      // the tariff sentence holds none of the long forms: its frame is the same whatever the definitions
      expect(keys(r)[2]).toBe('change|percent|1|country:Indonesia|revenue tariff|2022');
    }
    expect(keys(analyze(versions[0], { cache }))[0]).toBe('change|percent|1|country:Vietnam|restrictiveness score service trade|2022');
  });

  it('forgets what a changed knowledge base would change', () => {
    const cache = new AnalysisCache();
    const text = 'The Zorblax Trade Pact (ZTP) took effect in 2021.\n\nThe ZTP grew and the ZQP did not.\n';
    const before = analyze(text, { cache });
    // a glossary that knows ZQP: it is no longer a near-miss of ZTP
    const kb = createKnowledgeBase(before.kb.entries, [{ acronym: 'ZQP', name: 'Zonal Quota Programme' }]);
    const after = analyze(text, { cache, kb });
    expect(view(after)).toEqual(view(analyze(text, { kb })));
    expect(view(after)).not.toEqual(view(before));
  });
});

describe('analyzeAsync: the same analysis in time slices', () => {
  const text = readFileSync(join(ROOT, 'examples', 'trade-frameworks-paper.md'), 'utf8');

  it('gives what analyze gives, pausing between slices', async () => {
    let pauses = 0;
    const pause = () => {
      pauses++;
      return Promise.resolve();
    };
    // a zero-length slice pauses at every step: the most interleaved run there is
    const result = await analyzeAsync(text, {}, { sliceMs: 0, pause });
    expect(result && view(result)).toEqual(view(analyze(text)));
    expect(pauses).toBeGreaterThan(100);
  });

  it('stops when cancelled, and a later check with the same cache is still exact', async () => {
    const cache = new AnalysisCache();
    let pauses = 0;
    const stopped = await analyzeAsync(text, { cache }, { sliceMs: 0, pause: () => Promise.resolve(void pauses++), cancelled: () => pauses >= 20 });
    expect(stopped).toBeUndefined();
    expect(pauses).toBe(20);
    const edited = text.replace('## ', '## Revised: ');
    const result = await analyzeAsync(edited, { cache }, { sliceMs: 0, pause: () => Promise.resolve() });
    expect(result && view(result)).toEqual(view(analyze(edited)));
  });
});
