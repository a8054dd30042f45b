// The VS Code client's vscode-free parts: the Paper overview tree model, the status bar / summary wording and the
// crash-restart policy. (The parts that need VS Code are covered by test/vscode.)
import { describe, expect, it } from 'vitest';
import { CrashPolicy } from '../../client/src/crashPolicy';
import { addCounts, batches, countSeverities, describeCounts, statusText, summaryMessage, ZERO } from '../../client/src/format';
import { buildOverviewTree, excerpt, type OverviewNode } from '../../client/src/overviewModel';
import type { PaperOverview } from '../../server/src/server/protocol';

const r = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

const LINES = [
  '# Paper',
  'The Indo-Pacific Economic Framework (IPEF) was launched in Tokyo in May 2022 as a set of negotiating pillars.',
  'Because the IPPEF pillars carry no market-access offers, firms weigh them mainly as a signal.',
  'RCEP lowers tariffs; RCEP members trade 31% of world GDP, or 30% (Tanaka, 2021).',
];
const lineText = (n: number) => LINES[n];

const OVERVIEW: PaperOverview = {
  uri: 'file:///paper.md',
  version: 3,
  acronyms: [
    {
      acronym: 'IPEF',
      expansion: 'Indo-Pacific Economic Framework',
      known: true,
      definition: r(1, 37, 41),
      uses: [],
      problems: [{ ruleId: 'acronym/misspelled', message: '“IPPEF” is not a known acronym; did you mean IPEF?', range: r(2, 11, 16) }],
    },
    { acronym: 'RCEP', expansion: 'Regional Comprehensive Economic Partnership', known: true, definition: null, uses: [r(3, 0, 4), r(3, 21, 25)], problems: [] },
    { acronym: 'XYZ', expansion: null, known: false, definition: null, uses: [r(3, 0, 3)], problems: [] },
  ],
  figures: [
    {
      measure: 'RCEP share of world GDP',
      mentions: [{ text: '31%', range: r(3, 38, 41) }, { text: '30%', range: r(3, 58, 61) }],
      problems: [{ ruleId: 'number/inconsistent-figure', message: 'RCEP share of world GDP is 31% here but 30% on line 4.', range: r(3, 58, 61) }],
    },
  ],
  citations: [
    { label: '(Tanaka, 2021)', range: r(3, 62, 76), reference: 'Tanaka, K. (2021). Ports and Data. Tokyo: Example Press.' },
    { label: '(Tanaka, 2021)', range: r(2, 0, 14), reference: 'Tanaka, K. (2021). Ports and Data. Tokyo: Example Press.' },
    { label: '(Lee, 2020)', range: r(1, 0, 11), reference: null },
  ],
  counts: { error: 1, warning: 1, information: 0, hint: 2 },
};

function find(nodes: OverviewNode[], label: string): OverviewNode {
  const n = nodes.find((x) => x.label === label);
  if (!n) throw new Error(`no node ${label} in ${nodes.map((x) => x.label).join(', ')}`);
  return n;
}

function allIds(nodes: OverviewNode[]): string[] {
  return nodes.flatMap((n) => [n.id, ...allIds(n.children ?? [])]);
}

describe('Paper overview tree', () => {
  const tree = buildOverviewTree(OVERVIEW, lineText);

  it('has the three groups, with counts', () => {
    expect(tree.map((g) => [g.label, g.description])).toEqual([
      ['Acronyms', '3 · 1 with problems'],
      ['Key figures', '1 measure · 1 contradiction'],
      ['Citations', '3 citations · 1 unresolved'],
    ]);
    expect(new Set(allIds(tree)).size).toBe(allIds(tree).length);
  });

  it('shows each acronym with its expansion, uses and problems; children jump to definition, problems and uses', () => {
    const acronyms = tree[0].children!;
    const ipef = find(acronyms, 'IPEF');
    expect(ipef.description).toBe('Indo-Pacific Economic Framework · 0 uses · 1 problem');
    expect(ipef.icon).toBe('warning');
    expect(ipef.range).toEqual(r(1, 37, 41));
    expect(ipef.children!.map((c) => [c.contextValue, c.range])).toEqual([
      ['acronym-problem', r(2, 11, 16)],
      ['definition', r(1, 37, 41)],
    ]);
    expect(ipef.children![1].label).toContain('(IPEF)');
    const rcep = find(acronyms, 'RCEP');
    expect(rcep.icon).toBe('library'); // known, not defined, no problem
    expect(rcep.children!.map((c) => c.contextValue)).toEqual(['no-definition', 'use', 'use']);
    expect(rcep.children![2].description).toBe('line 4');
    expect(find(acronyms, 'XYZ').icon).toBe('question');
    expect(find(acronyms, 'XYZ').description).toBe('not defined · 1 use');
  });

  it('groups figures by measure and flags contradictions', () => {
    const fig = tree[1].children![0];
    expect(fig.label).toBe('RCEP share of world GDP');
    expect(fig.description).toBe('31% / 30% · contradiction');
    expect(fig.icon).toBe('warning');
    expect(fig.children!.map((c) => [c.contextValue, c.label])).toEqual([
      ['figure-problem', 'RCEP share of world GDP is 31% here but 30% on line 4.'],
      ['mention', '31%'],
      ['mention', '30%'],
    ]);
  });

  it('lists citations once per label with their reference, repeated ones as children, unresolved flagged', () => {
    const [tanaka, lee] = tree[2].children!;
    expect(tanaka.label).toBe('(Tanaka, 2021)');
    expect(tanaka.description).toBe('×2 · Tanaka, K. (2021). Ports and Data. Tokyo: Example Press.');
    expect(tanaka.children!.map((c) => c.range)).toEqual([r(3, 62, 76), r(2, 0, 14)]);
    expect(lee.description).toBe('unresolved');
    expect(lee.icon).toBe('warning');
    expect(lee.children).toBeUndefined();
  });

  it('handles a server that answers with empty or missing figures and citations', () => {
    const empty = buildOverviewTree({ ...OVERVIEW, figures: [], citations: [] });
    expect(empty[1].children!.map((c) => c.label)).toEqual(['No key figures found']);
    expect(empty[2].children!.map((c) => c.label)).toEqual(['No citations found']);
    const { figures: _f, citations: _c, ...rest } = OVERVIEW;
    const missing = buildOverviewTree(rest);
    expect(missing[1].children!.map((c) => c.label)).toEqual(['Not reported by this version of the language server']);
    expect(missing[2].children!.map((c) => c.label)).toEqual(['Not reported by this version of the language server']);
    expect(buildOverviewTree(undefined).map((g) => g.children!.length)).toEqual([1, 1, 1]);
  });

  it('cuts excerpts at word boundaries', () => {
    expect(excerpt(lineText, r(2, 11, 16))).toBe('Because the IPPEF pillars carry no…');
    expect(excerpt(lineText, r(9, 0, 1))).toBeUndefined();
  });
});

describe('status bar and summary wording', () => {
  it('counts VS Code severities', () => {
    expect(countSeverities([0, 1, 1, 2, 3, 3, 3])).toEqual({ error: 1, warning: 2, information: 1, hint: 3 });
    expect(addCounts(ZERO, { error: 2 })).toEqual({ error: 2, warning: 0, information: 0, hint: 0 });
  });

  it('status text', () => {
    expect(statusText({ error: 1, warning: 2, information: 3, hint: 4 })).toBe('Policy Lint: $(error) 1 $(warning) 2 $(info) 3');
    expect(statusText(ZERO)).toBe('Policy Lint: $(check)');
    expect(describeCounts({ error: 1, warning: 0, information: 2, hint: 1 })).toBe('1 error, 2 information, 1 hint');
  });

  it('summary message', () => {
    expect(summaryMessage({ files: 3, checked: 3, failed: [], counts: { error: 0, warning: 2, information: 0, hint: 0 }, cancelled: false })).toBe(
      'Policy Lint checked 3 papers: 2 warnings.',
    );
    expect(summaryMessage({ files: 40, checked: 25, failed: [{ uri: 'x', reason: 'EACCES' }], counts: ZERO, cancelled: true })).toBe(
      'Policy Lint: check cancelled after 25 of 40 papers: no problems. 1 file could not be read (see the Policy Lint output).',
    );
    expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});

describe('crash policy', () => {
  it('restarts, tells the user once, and gives up after 5 crashes in 3 minutes', () => {
    let now = 0;
    const p = new CrashPolicy(4, 180_000, () => now);
    expect(p.onClosed()).toEqual({ restart: true, notify: 'restarted' });
    for (let i = 0; i < 3; i++) expect(p.onClosed()).toEqual({ restart: true, notify: undefined });
    expect(p.onClosed()).toEqual({ restart: false, notify: 'gave-up' });
    p.reset();
    expect(p.onClosed()).toEqual({ restart: true, notify: undefined });
    now += 200_000; // old crashes age out
    for (let i = 0; i < 4; i++) expect(p.onClosed().restart).toBe(true);
    expect(p.crashes).toBe(10);
  });
});
