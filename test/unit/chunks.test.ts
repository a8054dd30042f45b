// The chunked parse (server/src/core/chunks.ts + buildPaper) must give exactly the paper model of a parse of the
// whole document: same blocks (text, map to the source, sentences, links, footnote references, section, list),
// sections, lists, front matter and suppressions. Checked on hand-made traps, on every paper the project has, and
// on random documents assembled from tricky lines.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPaper, type Paper } from '../../server/src/core/paper';
import { planChunks, stubsFor } from '../../server/src/core/chunks';
import { AnalysisCache } from '../../server/src/core/cache';

const ROOT = join(__dirname, '..', '..');

function snapshot(p: Paper) {
  return {
    blocks: p.blocks.map((b) => ({ ...b, map: Array.from(b.map, (x) => x + b.base), base: undefined, origin: undefined, section: b.section?.path })),
    sections: p.sections,
    lists: p.lists,
    frontMatter: p.frontMatter,
    suppressed: Array.from({ length: p.lines.lineCount }, (_, line) => ['acronym/undefined', 'citation/uncited-claim'].map((r) => p.isSuppressed(r, p.lines.lineStart(line)))),
  };
}

function expectSameAsWhole(text: string, minChunkChars = 0): void {
  expect(snapshot(buildPaper(text, { minChunkChars }))).toEqual(snapshot(buildPaper(text, { whole: true })));
}

const chunkTexts = (text: string) => planChunks(text, 0).chunks.map((c) => text.slice(c.start, c.end));

describe('planChunks', () => {
  it('cuts before a paragraph or heading at column 0 after a blank line, and nowhere else', () => {
    const text = '# Title\n\nFirst para\nstill first.\n\n- item one\n\n- item two\n\n  indented\n\n> quote\n\nLast para.\n';
    expect(chunkTexts(text)).toEqual(['# Title\n\n', 'First para\nstill first.\n\n- item one\n\n- item two\n\n  indented\n\n> quote\n\n', 'Last para.\n']);
  });

  it('does not cut inside fenced code, math, front matter or an HTML comment', () => {
    const text = [
      '---', 'title: x', '', 'author: y', '---', '', 'Para.', '',
      '```md', 'code', '', 'Looks like a paragraph', '```', '',
      '$$', 'x', '', 'Also not prose', '$$', '',
      '<!-- comment', '', 'Commented out paragraph', '-->', '',
      'End.',
    ].join('\n');
    expect(chunkTexts(text)).toEqual([
      '---\ntitle: x\n\nauthor: y\n---\n\n',
      'Para.\n\n',
      '```md\ncode\n\nLooks like a paragraph\n```\n\n',
      '$$\nx\n\nAlso not prose\n$$\n\n',
      '<!-- comment\n\nCommented out paragraph\n-->\n\n',
      'End.',
    ]);
  });

  it('keeps chunks of at least the minimum size, but always cuts before a heading', () => {
    const text = 'a\n\nb\n\n# H\n\nc\n';
    expect(planChunks(text, 100).chunks).toEqual([{ start: 0, end: 6 }, { start: 6, end: 13 }]);
  });

  it('collects link and footnote definition labels outside code, normalised', () => {
    const plan = planChunks('Text[^n1] and [Ref  One].\n\n[^n1]: A note.\n\n[ref one]: https://example.org\n\n```\n[^fake]: no\n```\n', 0);
    expect([...plan.footnoteLabels]).toEqual(['N1']);
    expect([...plan.linkLabels]).toEqual(['REF ONE']);
    expect(stubsFor('Text[^n1] and [Ref  One].\n\n', plan)).toBe('[Ref  One]: #\n\n[^n1]: .');
    expect(stubsFor('[^n1]: A note.\n\n', plan)).toBe('[^n1]: .');
    expect(stubsFor('Nothing to resolve [here].\n\n', plan)).toBe('');
  });
});

describe('the chunked paper model equals the whole-document one', () => {
  const traps: [string, string][] = [
    ['a footnote referenced before its definition in another chunk', 'Claim one.[^a]\n\nMore text.\n\n[^a]: Smith (2020).\n'],
    ['a link reference defined in another chunk', 'See [the report][r] and [r].\n\nOther.\n\n[r]: https://example.org/r\n'],
    ['a list item with an unclosed fence, ended by a paragraph', '- item\n\n  ```\n  code\n\nParagraph after.\n\nAnother.\n'],
    ['an indented code block holding a fence line', '    ```\n    code\n\nText one.\n\n```\nreal fence\n\nNot a paragraph\n```\n\nAfter.\n'],
    ['an HTML comment holding blank lines', '<!-- policy-lint-disable acronym/undefined -->\n\nXYZQ is used.\n\n<!--\n\nhidden\n\n-->\n\nShown.\n'],
    ['a raw HTML block', '<pre>\n\nx\n\ny\n</pre>\n\nText.\n'],
    ['setext headings and a thematic break', 'Title\n=====\n\nText.\n\n---\n\nSub\n---\n\nMore.\n'],
    ['CRLF and CR line endings', 'One.\r\n\r\nTwo [^x].\r\n\r\n[^x]: Note.\r\n\rThree.\r'],
    ['a table and a quote', '| a | b |\n|---|---|\n| 1 | 2 |\n\n> quoted\n\nlazy\n\nText.\n'],
    ['nested lists across blank lines', '1. one\n\n   - sub\n\n2. two\n\nPara.\n\n3. three\n'],
    ['an unclosed fence at the end', 'Text.\n\n```\ncode\n\nStill code.\n'],
    ['front matter', '---\nbibliography: refs.bib\n---\n\nText [@key].\n\nMore.\n'],
    ['math block', 'Text.\n\n$$\na = b\n\nc\n$$\n\nAfter.\n'],
    ['a heading inside a list', '- # Heading in list\n\n  text\n\n# Top\n\nBody.\n'],
    // found by the random test below
    ['a definition-like line continuing a paragraph', 'Text[^2] here.\n[ref]: https://example.org\n\n[ref]: https://example.org\n'],
    ['an HTML comment left open at the end', '[ref]: https://example.org\n\nSee [ref] and [^1].\n<!--'],
    ['a document starting with indented code', '\tTabbed\nSee [ref] and [^1].\n[^1]: A note.\n\nLine with $5 and $10.'],
    ['front-matter fences in the middle of a document', 'Intro.\n\n---\ntitle: not front matter\n---\n\n+++\n> quote\n'],
    ['a list in a footnote definition at the end', '[^1]: A note.\n1. numbered\n</pre>'],
    ['front matter opened by "---" and never closed by "---" (a table row and a bullet)', '---\n+++\n\n|---|---|\n* star item'],
    ['front matter opened by "---" and never closed by "---" (a footnote definition)', '---\n+++\n\n[^1]: A note (Smith, 2020).'],
  ];
  for (const [name, text] of traps) it(name, () => expectSameAsWhole(text));

  const dirs = [join(ROOT, 'examples'), join(ROOT, 'test', 'fixtures'), join(ROOT, '..', 'shared', 'corpus')];
  const papers = dirs.filter(existsSync).flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.md')).map((f) => join(d, f)));
  for (const file of papers) {
    it(`${file.slice(ROOT.length + 1)} (cut everywhere, and at the default size)`, () => {
      const text = readFileSync(file, 'utf8');
      expectSameAsWhole(text, 0);
      expectSameAsWhole(text, undefined);
    });
  }

  it('random documents of tricky lines', () => {
    const line = fc.constantFrom(
      '', '', '', 'Plain prose with IPEF and 4.5% growth.', '# Heading', '## Sub heading', '- bullet', '1. numbered', '  indented',
      '    code', '> quote', '```', '~~~', '```js', '$$', '<!--', '-->', '<pre>', '</pre>', '---', '===', '| a | b |', '|---|---|',
      'See [ref] and [^1].', '[ref]: https://example.org', '[^1]: A note (Smith, 2020).', 'Text[^2] here.', '[^2]: Second.',
      '<!-- policy-lint-disable -->', '* star item', '\tTabbed', 'Line with $5 and $10.', '+++',
      // each syntax extension's markers (a chunk without them is parsed without the extension)
      'a | b', '--- | ---', ':-: | -:', '~~struck~~ text', 'one ~ tilde', '~~~~', 'Inline $x$ math', '$$ x $$', '- [ ] task',
      '- [x] done', 'lazy continuation line', '   - deeper bullet', '2) paren item', 'mail me@example.org', 'www.example.org',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => expectSameAsWhole(lines.join(eol))),
      { numRuns: process.env.FC_RUNS ? Number(process.env.FC_RUNS) : 300 },
    );
  });
});

describe('the chunk cache', () => {
  it('re-parses only the chunk an edit touched', () => {
    const para = (i: number) => `Paragraph ${i} says the ASEAN share rose to ${i}.5% in 2023, a figure we repeat to make the chunk long enough for the minimum size of a chunk.`;
    const text = Array.from({ length: 40 }, (_, i) => para(i)).join('\n\n') + '\n';
    const cache = new AnalysisCache();
    const first = buildPaper(text, { cache, minChunkChars: 0 });
    cache.endRound();
    const chunks = planChunks(text, 0).chunks.length;
    // two cached values per chunk: what its text alone decides (labels, autolinks), and its parse
    expect(cache.misses).toBe(2 * chunks);
    const edited = text.replace('Paragraph 17 says', 'Paragraph 17 now says');
    const before = cache.misses;
    const second = buildPaper(edited, { cache, minChunkChars: 0 });
    expect(cache.misses - before).toBe(2);
    expect(snapshot(second)).toEqual(snapshot(buildPaper(edited, { whole: true })));
    expect(second.blocks[20].range.start).toBe(first.blocks[20].range.start + 4);
  });
});
