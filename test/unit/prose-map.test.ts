// The map from each block's prose back to its source, on random Markdown: every character of the prose must stand
// where the map says, so that a finding is shown on the words it is about. A character of the prose is either the
// source character at its offset, or one the parser made of the source there: a character reference ("&amp;" →
// "&"), U+FFFD for a NUL, a space for a tab or line ending it normalised, or the placeholder that stands for a URL,
// code or math. A map that loses its place (as it did after a NUL, mapping the rest of the paragraph to its last
// character) fails here with the document, the block and the first character that is out of place.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPaper, PLACEHOLDER } from '../../server/src/core/paper';

const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) & 0x7fffffff;
const RUNS = process.env.FC_RUNS ? Number(process.env.FC_RUNS) : 400;

/** Inline pieces: plain words and everything the parser rewrites between the source and a text node's value. */
const INLINE = [
  'trade', 'the RCEP', 'grew 5%', '(Tanaka, 2021)', 'IPEF', '経済', '🌏', 'é', 'e\u0301', '\uD800', '\uDC00', '\u0000', '\u0000\u0000', '\uFFFD', '\t', ' ', '  ',
  '\\*', '\\_', '\\[', '\\\\', '\\', '&amp;', '&lt;', '&#169;', '&#x2014;', '&#0;', '&#128512;', '&nbsp;', '&bogus;', '&', '*em*', '**strong**',
  '_em_', '~~gone~~', '`code`', '``a ` b``', '$x^2$', '[link](http://example.org)', '[ref][r]', '<http://example.org>', 'www.example.org',
  'https://example.org/a_b', 'mail@example.org', '<b>', '</b>', '<!-- c -->', '[^1]', '[^note]', '[', ']', '(', ')', '*', '_', '|', '\\|',
];
const BREAKS = ['\n', '\r\n', '\r', '  \n', '\\\n', '\n> ', '\n    '];
const BLOCK_STARTS = ['', '# ', '## ', '- ', '1. ', '> ', '> - ', '- > ', '1. - ', '| a | b |\n|---|---|\n| ', '[^1]: ', '    ', '<div>\n\n', '[x]: http://example.org/x\n'];
/** How a block may end: plainly, as a setext heading, or with another table row or list item after it. */
const BLOCK_ENDS = ['', '', '', '\n===', '\n---', ' |\n| c \\| d | e |', '\n- item \u0000 two', '\n  continued &amp; lazy'];

const inline = fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...INLINE) }, { weight: 1, arbitrary: fc.constantFrom(...BREAKS) }), { minLength: 1, maxLength: 24 }).map((xs) => xs.join(' '));
const block = fc.tuple(fc.constantFrom(...BLOCK_STARTS), inline, fc.constantFrom(...BLOCK_ENDS)).map(([start, text, end]) => start + text + end);
const doc = fc.array(block, { minLength: 1, maxLength: 6 }).map((bs) => `[r]: http://example.org\n\n${bs.join('\n\n')}\n`);

const REFERENCE = /^&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i;

/** Whether the prose character `c` may stand at source offset `o`. */
function accounted(src: string, o: number, c: string): boolean {
  const s = src[o];
  if (s === c || c === PLACEHOLDER) return true;
  // a character reference maps every code unit it decoded to (two for an astral character) to its "&"
  if (s === '&' && REFERENCE.test(src.slice(o, o + 40))) return true;
  if (c === '\uFFFD' && s === '\u0000') return true;
  // a line break: the start of its markup (a backslash or the spaces before the line ending)
  if ((c === '\n' || c === ' ') && /^(?:\\|[ \t]+)(?:\r\n|\r|\n)/.test(src.slice(o, o + 40))) return true;
  return false;
}

function misplaced(src: string): string | undefined {
  const paper = buildPaper(src);
  for (const b of paper.blocks) {
    let last = -1;
    for (let k = 0; k < b.text.length; k++) {
      const o = b.map[k] + b.base;
      if (o < b.range.start || o >= Math.max(b.range.end, b.range.start + 1)) return `block ${b.index} (${b.kind}): character ${k} maps to ${o}, outside the block ${b.range.start}–${b.range.end}`;
      if (o < last) return `block ${b.index} (${b.kind}): character ${k} maps to ${o}, before the previous character's ${last}`;
      last = o;
      if (!accounted(src, o, b.text[k])) {
        return `block ${b.index} (${b.kind}): character ${k} ${JSON.stringify(b.text[k])} maps to ${o}, where the source has ${JSON.stringify(src.slice(o, o + 8))} (prose ${JSON.stringify(b.text.slice(Math.max(0, k - 10), k + 10))})`;
      }
    }
  }
  return undefined;
}

describe('the prose map, on random Markdown', () => {
  it('puts every character of a block at its own source character (or the reference, NUL or URL it came from)', () => {
    fc.assert(
      fc.property(doc, (src) => {
        const problem = misplaced(src);
        if (problem) throw new Error(problem);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('finds a map that lost its place', () => {
    // the check itself: a map shifted by one is caught
    const src = 'A paragraph of trade.\n';
    const paper = buildPaper(src);
    const b = paper.blocks[0];
    expect(misplaced(src)).toBeUndefined();
    (b.map as Uint16Array | Int32Array)[3] += 1;
    expect(accounted(src, b.map[3] + b.base, b.text[3])).toBe(false);
  });
});
