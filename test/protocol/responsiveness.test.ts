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

  it('checks a paper closed and opened again while its first check runs as the new text', async () => {
    // the new document has the same version number as the one closed (1): nothing of the first text's check may be
    // kept or published for it. (The server stops a check whose document is no longer the one it began on; before,
    // it compared version numbers only. This run passes without that change too: the server reads one message per
    // turn of its event loop, and the check saw the close at its next pause, before the reopening was read.)
    const URI = 'file:///ws/reopened.md';
    const example = readFileSync(join(ROOT, 'examples', 'trade-frameworks-paper.md'), 'utf8');
    const long = (mb: number) => Array.from({ length: Math.ceil((mb * 1024 * 1024) / example.length) }, () => example).join('\n\n');
    const before = client.published.length;
    client.open(URI, long(1), 1);
    // two hovers one after the other: the second is read once the long check has begun (between two of its slices)
    for (let i = 0; i < 2; i++) await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: SMALL }, position: { line: 2, character: 40 } });
    client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    client.open(URI, 'The XQZV council met.\n', 1);
    // a check twice as long, begun after the first one: the first has ended (or stopped) by the time it publishes
    const other = 'file:///ws/other.md';
    const done = client.nextDiagnostics(other);
    client.open(other, long(2), 1);
    await done;
    const mine = client.published.slice(before).filter((p) => p.uri === URI);
    // the close cleared the first text's problems; then only the new text's were published
    expect(mine.map((p) => [p.version, p.diagnostics.map((d) => [d.code, d.range])])).toEqual([
      [undefined, []],
      [1, [['acronym/undefined', { start: { line: 0, character: 4 }, end: { line: 0, character: 8 } }]]],
    ]);
    // and requests about it are answered from the new text (it has no headings: no symbols)
    expect(await client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })).toEqual([]);
  }, 180_000);
});
