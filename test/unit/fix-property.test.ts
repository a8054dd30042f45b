// The fix property, on every real paper the project has: the fixtures, the examples and (where ../shared exists)
// the corpus of papers by others.
//   - For every finding with a fix, applying that one fix (each fix a finding offers, certain or suggested)
//     removes that finding and adds no new warning or error.
//   - applyFixes over the whole paper (certain fixes only), repeated as `--fix` does until nothing is left to
//     apply, reaches a fixed point; and when the first pass skipped nothing, a second pass changes nothing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, applyFixList, applyFixes, type Finding, type Fix, type OffsetRange, type TextEdit } from '../../server/src/core/index';

const ROOT = join(__dirname, '..', '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
/** As the CLI's --fix. */
const MAX_FIX_PASSES = 10;

function markdownIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => join(dir, f)) : [];
}

const serious = (f: Finding) => f.severity === 'error' || f.severity === 'warning';
const touches = (a: OffsetRange, b: OffsetRange) => a.start <= b.end && b.start <= a.end;

/** Maps an offset of the original text through edits (sorted, non-overlapping) to the edited text. */
function mapOffset(offset: number, edits: readonly TextEdit[], side: 'start' | 'end'): number {
  let delta = 0;
  for (const e of edits) {
    if (e.range.end <= offset && !(e.range.end === offset && e.range.start === offset && side === 'start')) {
      delta += e.newText.length - (e.range.end - e.range.start);
    } else if (e.range.start < offset) {
      // inside an edit: to the matching end of its new text
      return side === 'start' ? e.range.start + delta : e.range.start + delta + e.newText.length;
    } else {
      break;
    }
  }
  return offset + delta;
}

function mapRange(r: OffsetRange, edits: readonly TextEdit[]): OffsetRange {
  const start = mapOffset(r.start, edits, 'start');
  return { start, end: Math.max(start, mapOffset(r.end, edits, 'end')) };
}

/** The edited places, in the edited text. */
function changedPlaces(edits: readonly TextEdit[]): OffsetRange[] {
  let delta = 0;
  return edits.map((e) => {
    const start = e.range.start + delta;
    delta += e.newText.length - (e.range.end - e.range.start);
    return { start, end: start + e.newText.length };
  });
}

const describeFinding = (text: string, f: Finding) => `${f.ruleId} “${text.slice(f.range.start, f.range.end)}” at ${f.range.start}: ${f.message}`;

/**
 * What goes wrong when `fix` of `target` is applied on its own: the finding survives, or an error/warning appears
 * that was not there before (same rule at the same place, mapped through the edit).
 */
function fixProblems(text: string, findings: readonly Finding[], target: Finding, fix: Fix): string[] {
  const applied = applyFixList(text, [fix]);
  if (applied.applied !== 1) return [`the fix “${fix.title}” could not be applied (skipped)`];
  if (applied.text === text) return [`the fix “${fix.title}” changes nothing`];
  const edits = applied.edits;
  const after = analyze(applied.text).findings;
  const problems: string[] = [];
  const where = mapRange(target.range, edits);
  const places = changedPlaces(edits);
  const survivor = after.find((f) => f.ruleId === target.ruleId && (touches(f.range, where) || places.some((p) => touches(f.range, p))) && f.message === target.message);
  if (survivor) problems.push(`the finding is still there after “${fix.title}”: ${describeFinding(applied.text, survivor)}`);
  const before = findings.filter(serious).map((f) => ({ f, at: mapRange(f.range, edits) }));
  for (const f of after.filter(serious)) {
    const atChange = places.some((p) => touches(f.range, p));
    const known = before.some(({ f: b, at }) => b.ruleId === f.ruleId && (atChange ? touches(at, f.range) : at.start === f.range.start && at.end === f.range.end));
    if (!known) problems.push(`“${fix.title}” adds ${describeFinding(applied.text, f)}`);
  }
  return problems;
}

const papers = [
  ...markdownIn(join(ROOT, 'test', 'fixtures')).map((p) => ({ group: 'fixtures', path: p })),
  ...markdownIn(join(ROOT, 'examples')).map((p) => ({ group: 'examples', path: p })),
  ...markdownIn(CORPUS).map((p) => ({ group: '../shared/corpus', path: p })),
];
const name = (p: string) => p.slice(p.lastIndexOf('/') + 1);

describe('every fix removes its finding and adds no warning or error', () => {
  for (const { group, path } of papers) {
    it(`${group}/${name(path)}`, () => {
      const text = readFileSync(path, 'utf8');
      const { findings } = analyze(text);
      const problems: string[] = [];
      let fixes = 0;
      for (const f of findings) {
        for (const fix of f.fixes) {
          fixes++;
          for (const p of fixProblems(text, findings, f, fix)) problems.push(`${describeFinding(text, f)}\n    ${p}`);
        }
      }
      expect(problems, `${fixes} fixes tried`).toEqual([]);
    }, 120_000);
  }
});

describe('--fix on a whole paper is idempotent', () => {
  for (const { group, path } of papers) {
    it(`${group}/${name(path)}`, () => {
      let text = readFileSync(path, 'utf8');
      const first = applyFixes(text, analyze(text).findings);
      const texts = [text];
      let pass = applyFixes(text, analyze(text).findings);
      let passes = 0;
      while (pass.applied > 0 && pass.text !== text && passes < MAX_FIX_PASSES) {
        text = pass.text;
        expect(texts, `pass ${passes + 1} returned to an earlier text (the fixes oscillate)`).not.toContain(text);
        texts.push(text);
        passes++;
        pass = applyFixes(text, analyze(text).findings);
      }
      expect(pass.applied === 0 || pass.text === text, `no fixed point after ${MAX_FIX_PASSES} passes`).toBe(true);
      // certain fixes left over at the fixed point would be re-offered on every save
      expect(analyze(text).findings.filter((f) => f.fixes.some((x) => x.isSafe)).map((f) => f.ruleId)).toEqual([]);
      if (first.skipped === 0) {
        const second = applyFixes(first.text, analyze(first.text).findings);
        expect(second.text === first.text || second.applied === 0, 'a second pass after a pass that skipped nothing changed the text').toBe(true);
      }
    }, 120_000);
  }
});

describe('the paper list', () => {
  it('covers the fixtures and the examples', () => {
    expect(papers.filter((p) => p.group !== '../shared/corpus').length).toBeGreaterThanOrEqual(4);
  });
  it.skipIf(existsSync(CORPUS))('skips ../shared/corpus when it is absent', () => {
    expect(markdownIn(CORPUS)).toEqual([]);
  });
});
