import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/core/analyze';
import { LineIndex } from '../../server/src/core/text';

const dir = join(__dirname, '..', 'fixtures');
const MARKER = /^<!-- expect: (\S+) "([^"]+)" -->$/;

/**
 * Markdown fixtures with inline expected-finding markers: `<!-- expect: rule/id "text" -->` after a line says
 * that the rule reports exactly `text` on the nearest line above that is not a marker. The fixture passes when
 * the findings and the markers are the same set.
 */
describe('fixtures with expected-finding markers', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    it(file, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const lines = text.split('\n');
      const expected: string[] = [];
      let target = -1;
      lines.forEach((line, i) => {
        const m = MARKER.exec(line);
        if (!m) {
          target = i;
          return;
        }
        const col = lines[target].indexOf(m[2]);
        expect(col, `marker text ${m[2]} not on line ${target + 1}`).toBeGreaterThanOrEqual(0);
        expected.push(`${target + 1}:${col}-${col + m[2].length} ${m[1]} ${m[2]}`);
      });
      const idx = new LineIndex(text);
      const actual = analyze(text).findings.map((f) => {
        const s = idx.positionAt(f.range.start);
        const e = idx.positionAt(f.range.end);
        return `${s.line + 1}:${s.character}-${e.character} ${f.ruleId} ${text.slice(f.range.start, f.range.end)}`;
      });
      expect(actual.sort()).toEqual(expected.sort());
    });
  }
});
