// The CLI's own helpers: the unified diff of --fix-dry-run and the glob matcher.
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../server/src/cli/diff';
import { globBase, globToRegExp, ignoredBy, isGlob } from '../../server/src/cli/glob';

/** Applies a unified diff (as produced here) to `before`, checking every context and removed line. */
function applyPatch(before: string, patch: string): string {
  const a = before.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
  const out: string[] = [];
  let ai = 0;
  const lines = patch.split('\n').slice(2, -1);
  for (let i = 0; i < lines.length; i++) {
    const h = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@$/.exec(lines[i]);
    if (!h) throw new Error(`not a hunk header: ${lines[i]}`);
    const start = Number(h[2]) === 0 ? Number(h[1]) : Number(h[1]) - 1;
    while (ai < start) out.push(a[ai++]);
    for (i++; i < lines.length && !lines[i].startsWith('@@'); i++) {
      const l = lines[i];
      const noEol = lines[i + 1] === '\\ No newline at end of file';
      const eol = (s: string) => (noEol ? '' : (s.match(/\r\n|\r|\n$/)?.[0] ?? '\n'));
      if (l[0] === ' ' || l[0] === '-') {
        const orig = a[ai++];
        expect(orig.replace(/\r?\n$|\r$/, '')).toBe(l.slice(1));
        if (l[0] === ' ') out.push(orig);
      } else if (l[0] === '+') out.push(l.slice(1) + eol(a[Math.max(0, ai - 1)] ?? '\n'));
      if (noEol) i++;
    }
    i--;
  }
  while (ai < a.length) out.push(a[ai++]);
  return out.join('');
}

describe('unifiedDiff', () => {
  it('prints headers, hunks with three lines of context, and merges nearby changes', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    const after = before.replace('line 2\n', 'line two\n').replace('line 5\n', 'line five\n').replace('line 18\n', '');
    expect(unifiedDiff('dir/p.md', before, after)).toBe(
      [
        '--- a/dir/p.md',
        '+++ b/dir/p.md',
        '@@ -1,8 +1,8 @@',
        ' line 1',
        '-line 2',
        '+line two',
        ' line 3',
        ' line 4',
        '-line 5',
        '+line five',
        ' line 6',
        ' line 7',
        ' line 8',
        '@@ -15,6 +15,5 @@',
        ' line 15',
        ' line 16',
        ' line 17',
        '-line 18',
        ' line 19',
        ' line 20',
        '',
      ].join('\n'),
    );
  });

  it('is empty for equal texts and marks a missing final newline', () => {
    expect(unifiedDiff('p.md', 'same\n', 'same\n')).toBe('');
    expect(unifiedDiff('p.md', 'a\nb', 'a\nc')).toBe('--- a/p.md\n+++ b/p.md\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
    expect(unifiedDiff('p.md', '', 'new\n')).toBe('--- a/p.md\n+++ b/p.md\n@@ -0,0 +1,1 @@\n+new\n');
  });

  it('round-trips: applying the diff to the old text gives the new one (random edits)', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 200; round++) {
      const lines = Array.from({ length: rand(30) }, () => `w${rand(6)}\n`);
      const next = lines.slice();
      for (let e = rand(6); e > 0; e--) {
        const at = rand(next.length + 1);
        const kind = rand(3);
        if (kind === 0) next.splice(at, 0, `new${rand(4)}\n`);
        else if (kind === 1) next.splice(at, 1);
        else if (at < next.length) next[at] = `changed${rand(3)}\n`;
      }
      const before = lines.join('');
      const after = next.join('');
      const patch = unifiedDiff('p.md', before, after);
      if (before === after) expect(patch).toBe('');
      else expect(applyPatch(before, patch)).toBe(after);
    }
  });

  it('diffs a long paper with a few scattered fixes quickly', () => {
    const before = Array.from({ length: 20000 }, (_, i) => `Paragraph ${i} mentions the PDC.\n`).join('');
    const after = before.replace('Paragraph 10 ', 'Paragraph ten ').replace('Paragraph 19990 ', 'Paragraph x ');
    const t0 = performance.now();
    const patch = unifiedDiff('p.md', before, after);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(patch.match(/^@@/gm)).toHaveLength(2);
    expect(applyPatch(before, patch)).toBe(after);
  });
});

describe('globs', () => {
  it('tells globs from paths and splits off the folder to walk', () => {
    expect(isGlob('papers/**/*.md')).toBe(true);
    expect(isGlob('papers/a.md')).toBe(false);
    expect(globBase('papers/2024/**/*.md')).toEqual({ base: 'papers/2024', pattern: '**/*.md' });
    expect(globBase('*.md')).toEqual({ base: '.', pattern: '*.md' });
    expect(globBase('/srv/papers/*.md')).toEqual({ base: '/srv/papers', pattern: '*.md' });
    expect(globBase('../x/{a,b}/*.md')).toEqual({ base: '../x', pattern: '{a,b}/*.md' });
  });

  it('matches command-line globs from the start, as a shell would', () => {
    const re = (g: string) => globToRegExp(g, true);
    expect(re('*.md').test('a.md')).toBe(true);
    expect(re('*.md').test('sub/a.md')).toBe(false);
    expect(re('**/*.md').test('a.md')).toBe(true);
    expect(re('**/*.md').test('x/y/a.md')).toBe(true);
    expect(re('x/**/a.md').test('x/a.md')).toBe(true);
    expect(re('{a,b}/*.md').test('b/z.md')).toBe(true);
    expect(re('{a,b}/*.md').test('c/z.md')).toBe(false);
    expect(re('[!a]?.md').test('bc.md')).toBe(true);
    expect(re('[!a]?.md').test('ac.md')).toBe(false);
    expect(re('a+b (1).md').test('a+b (1).md')).toBe(true);
  });

  it('matches ignore globs gitignore-style: a name at any depth, a folder and everything below it', () => {
    expect(ignoredBy(['*.draft.md'], 'notes/x.draft.md')).toBe(true);
    expect(ignoredBy(['drafts/'], 'drafts/a/b.md')).toBe(true);
    expect(ignoredBy(['drafts'], 'x/drafts/b.md')).toBe(true);
    expect(ignoredBy(['/drafts'], 'x/drafts/b.md')).toBe(false);
    expect(ignoredBy(['2024/deep/**'], '2024/deep/c.md')).toBe(true);
    expect(ignoredBy(['*.md'], '../outside.md')).toBe(false);
    expect(ignoredBy(['# comment', ''], 'a.md')).toBe(false);
  });
});
