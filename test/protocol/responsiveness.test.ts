// A long paper must not freeze the server: its check runs in time slices, and between slices the server answers
// other requests. Measured by order, not by time: hovers sent one after another on a small paper while a 2 MB paper
// is checked from scratch must be answered before that check publishes; a server checking synchronously answers at
// most the one hover it read before the check began.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover } from 'vscode-languageserver';
import { TestClient } from './lsp-client';

const ROOT = join(__dirname, '..', '..');
const SMALL = 'file:///ws/small.md';
const BIG = 'file:///ws/big.md';
const SMALL_TEXT = '# Notes\n\nThe Indo-Pacific Economic Framework (IPEF) met in 2022.\n';

describe('a long paper does not freeze the server', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = new TestClient();
    await client.initialize(null, { textDocument: { hover: { contentFormat: ['markdown'] } } });
    client.open(SMALL, SMALL_TEXT);
    await client.diagnostics(SMALL);
  });
  afterAll(() => client.stop());

  it('answers hovers on another paper while a 2 MB paper is checked', async () => {
    const example = readFileSync(join(ROOT, 'examples', 'trade-frameworks-paper.md'), 'utf8');
    const big = Array.from({ length: Math.ceil((2 * 1024 * 1024) / example.length) }, (_, i) => example.replace(/^# /m, `# Copy ${i + 1}: `)).join('\n\n');
    let published = false;
    const done = client.nextDiagnostics(BIG).then((p) => {
      published = true;
      return p;
    });
    client.open(BIG, big);
    let answeredDuring = 0;
    let hovers = 0;
    let cards = 0;
    while (!published) {
      const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: SMALL }, position: { line: 2, character: 40 } })) as Hover | null;
      hovers++;
      if (!published) answeredDuring++;
      if (h && JSON.stringify(h.contents).includes('Indo-Pacific Economic Framework')) cards++;
    }
    const p = await done;
    expect(p.diagnostics.length).toBeGreaterThan(100);
    expect(answeredDuring).toBeGreaterThanOrEqual(10);
    expect(cards).toBe(hovers);
    // once checked, the long paper answers hovers too
    const lines = big.split('\n');
    const line = lines.findIndex((l) => /\bIPEF\b/.test(l));
    const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: BIG }, position: { line, character: lines[line].search(/\bIPEF\b/) + 1 } })) as Hover | null;
    expect(JSON.stringify(h?.contents)).toContain('Indo-Pacific Economic Framework');
    console.log(`responsiveness: ${answeredDuring} hovers answered while the 2 MB paper was checked`);
  }, 180_000);
});
