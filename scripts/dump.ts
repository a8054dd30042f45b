// Dev aid: prints the findings for a file or stdin as `line:col-endcol ruleId message` (run with: npx tsx or vitest-node).
import { readFileSync } from 'node:fs';
import { analyze } from '../server/src/core/analyze';
import { LineIndex } from '../server/src/core/text';

const file = process.argv[2];
const text = readFileSync(file ?? 0, 'utf8');
const t0 = performance.now();
const result = analyze(text);
const ms = performance.now() - t0;
const idx = new LineIndex(text);
for (const f of result.findings) {
  const s = idx.positionAt(f.range.start);
  const e = idx.positionAt(f.range.end);
  console.log(`${s.line + 1}:${s.character}-${e.character}\t${f.ruleId}\t${JSON.stringify(text.slice(f.range.start, f.range.end)).slice(0, 60)}\t${f.message}${f.fixes.length ? `  [fix: ${f.fixes.map((x) => x.title + (x.isSafe ? ' (safe)' : '')).join(' | ')}]` : ''}`);
}
console.error(`${result.findings.length} findings, ${ms.toFixed(1)} ms`);
