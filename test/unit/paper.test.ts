import { describe, expect, it } from 'vitest';
import { buildPaper, PLACEHOLDER } from '../../server/src/core/paper';
import { analyze } from '../../server/src/core/analyze';
import { splitSentences } from '../../server/src/core/sentences';
import { LineIndex, NeedleSet } from '../../server/src/core/text';

/** The source text at the prose offsets of the first occurrence of `word` in a block. */
function sourceOf(md: string, word: string): string {
  const paper = buildPaper(md);
  for (const b of paper.blocks) {
    const i = b.text.indexOf(word);
    if (i >= 0) {
      const r = paper.sourceRange(b, i, i + word.length);
      return md.slice(r.start, r.end);
    }
  }
  throw new Error(`${word} not in prose`);
}

describe('paper model', () => {
  it('keeps prose of paragraphs, headings and table cells and skips code, HTML, URLs, math and front matter', () => {
    const md = [
      '---',
      'title: "A paper about IPEF"',
      '---',
      '',
      '# Title with *emphasis*',
      '',
      'Text with `CODE` and <span>HTML</span> and https://example.org/RCEP and $x^2$ here.',
      '',
      '```',
      'FENCED CODE',
      '```',
      '',
      '| Head | Other |',
      '| --- | --- |',
      '| cell | two |',
    ].join('\n');
    const paper = buildPaper(md);
    expect(paper.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'Title with emphasis'],
      ['paragraph', `Text with ${PLACEHOLDER} and HTML and ${PLACEHOLDER} and ${PLACEHOLDER} here.`],
      ['tableCell', 'Head'],
      ['tableCell', 'Other'],
      ['tableCell', 'cell'],
      ['tableCell', 'two'],
    ]);
    expect(paper.frontMatter?.raw).toBe('title: "A paper about IPEF"');
    expect(paper.blocks[2].tableHeader).toBe(true);
    expect(paper.blocks[4].tableHeader).toBe(false);
  });

  it('maps prose offsets back to the source through emphasis, links, escapes, entities and footnotes', () => {
    const md = 'The **Indo-Pacific** [Economic Framework](https://x.org "t") \\*really\\* &amp; IPEF[^1] ends.\n\n[^1]: A note.';
    expect(sourceOf(md, 'Indo-Pacific')).toBe('Indo-Pacific');
    expect(sourceOf(md, 'Economic Framework')).toBe('Economic Framework');
    expect(sourceOf(md, 'really')).toBe('really');
    expect(sourceOf(md, 'IPEF')).toBe('IPEF');
    expect(sourceOf(md, 'ends')).toBe('ends');
    const paper = buildPaper(md);
    expect(paper.blocks[0].footnoteRefs).toEqual([{ label: '1', range: { start: md.indexOf('[^1]'), end: md.indexOf('[^1]') + 4 }, proseOffset: paper.blocks[0].text.indexOf(' ends') }]);
    expect(paper.blocks[1].footnote).toBe('1');
  });

  it('counts UTF-16 code units through curly quotes, CJK and emoji', () => {
    const md = '“日本” 🌏 and the RCEP — done.';
    expect(sourceOf(md, 'RCEP')).toBe('RCEP');
    const paper = buildPaper(md);
    const b = paper.blocks[0];
    const r = paper.sourceRange(b, b.text.indexOf('RCEP'), b.text.indexOf('RCEP') + 4);
    expect(new LineIndex(md).range(r)).toEqual({ start: { line: 0, character: 16 }, end: { line: 0, character: 20 } });
  });

  it('maps lines continued inside block quotes and lists', () => {
    const md = '> First line of a quote\n> continues with RCEP here.\n\n- item one\n  wraps to APEC';
    expect(sourceOf(md, 'RCEP')).toBe('RCEP');
    expect(sourceOf(md, 'APEC')).toBe('APEC');
    const paper = buildPaper(md);
    expect(paper.blocks[0].inQuote).toBe(true);
    expect(paper.blocks[1].inList).toBe(true);
  });

  it('builds the section path and recognises reference sections', () => {
    const paper = buildPaper('# Paper\n\n## 1. Intro\n\nText.\n\n### 1.1 Detail\n\nMore.\n\n## References\n\nSmith, J. (2020).');
    expect(paper.blocks.find((b) => b.text === 'More.')?.section?.path).toEqual(['Paper', '1. Intro', '1.1 Detail']);
    expect(paper.blocks.find((b) => b.text.startsWith('Smith'))?.section?.isReferences).toBe(true);
    expect(paper.blocks.find((b) => b.text === 'Text.')?.section?.isReferences).toBe(false);
  });

  it('treats a level-1 "Notes" title as prose, a lower "Notes" heading and sub-sections of References as references', () => {
    const paper = buildPaper('# Notes\n\nBody text.\n\n## Notes\n\nA note.\n\n## References\n\n### Reports\n\nWorld Bank (2020).');
    expect(paper.blocks.find((b) => b.text === 'Body text.')?.section?.isReferences).toBe(false);
    expect(paper.blocks.find((b) => b.text === 'A note.')?.section?.isReferences).toBe(true);
    expect(paper.blocks.find((b) => b.text.startsWith('World Bank'))?.section?.isReferences).toBe(true);
  });
});

describe('sentences', () => {
  it('splits on sentence ends but not on abbreviations, initials, decimals or U.S.', () => {
    const text = 'The U.S. economy grew 2.5% in 2023, e.g. in services. Smith et al. disagree! Dr. J. Lee asked why? The U.S. The end.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'The U.S. economy grew 2.5% in 2023, e.g. in services.',
      'Smith et al. disagree!',
      'Dr. J. Lee asked why?',
      'The U.S.',
      'The end.',
    ]);
  });

  it('keeps exact offsets and splits CJK full stops', () => {
    const text = '日本と韓国。中国も参加した。 Then English.';
    const s = splitSentences(text);
    expect(s.map((x) => text.slice(x.start, x.end))).toEqual(['日本と韓国。', '中国も参加した。', 'Then English.']);
  });
});

describe('prose of nodes without a position', () => {
  it('maps the pieces the autolink transform makes of a text node (a URL after "[") to their source', () => {
    // the transform splits the paragraph's text around each URL and gives the pieces no position: every character
    // of the paragraph used to map to offset 0 (a finding on it was shown at the top of the document)
    const md = 'Intro.\n\nTrade grew (Smith, 2024) [http://v.example.org] fast, and [https://a.example.org/x more &amp; *more*.\n';
    const paper = buildPaper(md);
    const b = paper.blocks[1];
    expect(b.text).toBe(`Trade grew (Smith, 2024) [${PLACEHOLDER}] fast, and [${PLACEHOLDER} more & more.`);
    expect(b.links).toEqual([
      { url: 'http://v.example.org', start: 26, end: 27 },
      { url: 'https://a.example.org/x', start: 40, end: 41 },
    ]);
    // every character stands where the map says: the URLs at their first character, "&" at its reference
    const at = (k: number) => b.map[k] + b.base;
    for (let k = 0; k < b.text.length; k++) {
      if (b.text[k] === PLACEHOLDER) expect(md[at(k)], `char ${k}`).toBe('h');
      else if (b.text[k] === '&') expect(md.slice(at(k), at(k) + 5)).toBe('&amp;');
      else expect(md[at(k)], `char ${k}`).toBe(b.text[k]);
    }
    expect(sourceOf(md, '(Smith, 2024)')).toBe('(Smith, 2024)');
    expect(sourceOf(md, 'fast')).toBe('fast');
  });
});

describe('prose of characters the parser replaced', () => {
  it('maps a NUL (U+FFFD in the parsed text) to its place, and the rest of the paragraph after it to theirs', () => {
    // the aligner looked for U+FFFD further in the source, found none, and mapped every character after the NUL to
    // the paragraph's last one (found by the property test, seed 26749901: a finding's range inside a CRLF)
    const md = 'Intro.\r\n\r\n\u0000Since 2022, JBIC has co\u0000financed grids (Nguyen, 2023).\r\n*Next* line.\r\n';
    const paper = buildPaper(md);
    const b = paper.blocks[1];
    expect(b.text).toBe('\uFFFDSince 2022, JBIC has co\uFFFDfinanced grids (Nguyen, 2023).\r\nNext line.');
    const at = (k: number) => b.map[k] + b.base;
    for (let k = 0; k < b.text.length; k++) expect(md[at(k)], `char ${k}`).toBe(b.text[k] === '\uFFFD' ? '\u0000' : b.text[k]);
    const jbic = analyze(md).findings.find((f) => f.ruleId === 'acronym/undefined');
    expect(jbic?.range).toEqual({ start: md.indexOf('JBIC'), end: md.indexOf('JBIC') + 4 });
  });
});

describe('LineIndex', () => {
  it('converts offsets and positions with LF, CRLF and CR line ends', () => {
    const text = 'ab\r\ncd\ne\rf';
    const idx = new LineIndex(text);
    expect(idx.positionAt(text.indexOf('c'))).toEqual({ line: 1, character: 0 });
    expect(idx.positionAt(text.indexOf('f'))).toEqual({ line: 3, character: 0 });
    expect(idx.offsetAt({ line: 0, character: 99 })).toBe(2);
    expect(idx.offsetAt({ line: 2, character: 0 })).toBe(text.indexOf('e'));
    expect(idx.offsetAt({ line: 9, character: 0 })).toBe(text.length);
  });

  it('finds the same lines in a text with LF only (searched natively) as in one with CR too', () => {
    const lf = '\nab\n\ncd\n';
    const idx = new LineIndex(lf);
    expect(idx.lineCount).toBe(5);
    expect([0, 1, 2, 3, 4].map((l) => idx.lineStart(l))).toEqual([0, 1, 4, 5, 8]);
    expect(idx.positionAt(lf.indexOf('d'))).toEqual({ line: 3, character: 1 });
    expect(idx.positionAt(lf.length)).toEqual({ line: 4, character: 0 });
    const cr = new LineIndex(lf.replace('cd', 'c\rd'));
    expect([0, 1, 2, 3, 4, 5].map((l) => cr.lineStart(l))).toEqual([0, 1, 4, 5, 7, 9]);
  });
});

describe('NeedleSet', () => {
  it('finds exactly the needles String.includes finds, short, overlapping, repeated and non-ASCII ones included', () => {
    const needles = ['', 'a', 'ab', 'abc', 'bcd', 'abcd', 'cdx', 'xyz', 'trade', 'trader', 'rade', 'économie', 'σοσ', '贸易', '😀a', 'abc'];
    const set = new NeedleSet(needles);
    const texts = ['', 'a', 'abcd', 'zzabcdxzz', 'the traders', 'une économie', 'οσοσ', '国际贸易', 'x😀ab', 'ab', 'xy', 'xyzxy'];
    for (const t of texts) expect(set.occurrences(t)).toEqual(needles.flatMap((n, i) => (t.includes(n) ? [i] : [])));
  });

  it('agrees with String.includes on random texts over a small alphabet (many needles per bucket, many collisions)', () => {
    let seed = 7;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    // units 0x61 and 0x461 share their ten low bits: trigram keys collide and the comparison decides
    const alphabet = ['a', 'b', 'c', 's', ' ', '\u0461', 'é'];
    const word = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
    for (let round = 0; round < 200; round++) {
      const needles = Array.from({ length: 1 + Math.floor(rnd() * 40) }, () => word(Math.floor(rnd() * 6)));
      const set = new NeedleSet(needles);
      for (let k = 0; k < 10; k++) {
        const t = word(Math.floor(rnd() * 60));
        expect(set.occurrences(t)).toEqual(needles.flatMap((n, i) => (t.includes(n) ? [i] : [])));
      }
    }
  });
});

describe('lines that nest containers thousands deep', () => {
  // "- - - …" or "> > > …" on one line opens a list or quote per marker: the parser's time grew faster than linearly
  // with them (2,000 list markers took a second, 20,000 minutes), and the block walk recursed once per level.
  const after = 'The Zonal Quota Review Taskforce (ZQRT) met once. The ZQRT met again.';

  for (const [name, marker, n] of [
    ['list markers', '- ', 20000],
    ['quote markers', '> ', 20000],
    ['ordered-list markers', '1. ', 5000],
    ['quote and list markers', '> - ', 5000],
  ] as const) {
    it(`${n} ${name} on one line: the first 64 open containers, the rest is blank text; the paper after it is read`, () => {
      const md = `${marker.repeat(n)}deep words\n\n${after}\n`;
      const paper = buildPaper(md);
      // the line's text past the 64th marker is indented code inside the 64th container: no prose
      expect(paper.blocks.map((b) => b.text)).toEqual([after]);
      const nested = paper.lists.length;
      expect(nested).toBe(marker.includes('-') || marker.includes('.') ? 64 / marker.trim().split(' ').length : 0);
      const start = md.indexOf(after);
      expect(paper.sourceRange(paper.blocks[0], 0, after.length)).toEqual({ start, end: start + after.length });
      expect(analyze(md).findings.map((f) => [f.ruleId, md.slice(f.range.start, f.range.end)])).toEqual([]);
    });
  }

  it('64 list markers on one line are read as they are: the item text is prose inside 64 lists', () => {
    const md = `${'- '.repeat(64)}deep words\n`;
    const paper = buildPaper(md);
    expect(paper.blocks.map((b) => [b.text, b.inList])).toEqual([['deep words', true]]);
    expect(paper.lists.length).toBe(64);
    expect(paper.lists[63].parentId).toBe(62);
  });

  it('65 list markers: the 65th is read as blanks, so its text is the 64th item\'s (one more marker: indented code)', () => {
    const md = `${'- '.repeat(65)}deep words\n`;
    const paper = buildPaper(md);
    expect(paper.blocks.map((b) => [b.text, b.inList, b.range.start])).toEqual([['deep words', true, 130]]);
    expect(paper.lists.length).toBe(64);
    expect(buildPaper(`${'- '.repeat(66)}deep words\n`).blocks).toEqual([]);
  });
});
