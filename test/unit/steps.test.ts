// runSliced's pauses: a message the server reads during a slice must be handled before the next slice runs.
import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSliced, type Steps } from '../../server/src/core/steps';

describe('runSliced', () => {
  // a real socket pair: data written to one end is read by the other in the poll phase of the event loop, where
  // vscode-jsonrpc reads LSP messages; like it, the reader hands each message on with an immediate of its own
  let writer: Socket;
  let reader: Socket;
  const handled: string[] = [];
  const server = createServer();
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const accepted = new Promise<Socket>((resolve) => server.once('connection', resolve));
    writer = connect((server.address() as AddressInfo).port, '127.0.0.1');
    await new Promise<void>((resolve) => writer.once('connect', resolve));
    reader = await accepted;
    reader.on('data', (d) => setImmediate(() => handled.push(d.toString())));
  });
  afterAll(() => {
    writer.destroy();
    reader.destroy();
    server.close();
  });

  it('handles a message that arrived during a slice before the next slice (run started outside the check phase)', async () => {
    const seen: string[][] = [];
    function* steps(): Steps<number> {
      for (const message of ['hover', 'completion', 'didChange']) {
        writer.write(message);
        yield;
        seen.push([...handled]);
      }
      return 3;
    }
    // a zero-length slice: a pause after every step
    expect(await runSliced(steps(), { sliceMs: 0 })).toBe(3);
    expect(seen).toEqual([['hover'], ['hover', 'completion'], ['hover', 'completion', 'didChange']]);
  });

  it('… and when started from an immediate, as the server starts its checks', async () => {
    handled.length = 0;
    const seen: string[][] = [];
    function* steps(): Steps<void> {
      for (const message of ['a', 'b']) {
        writer.write(message);
        yield;
        seen.push([...handled]);
      }
    }
    await new Promise<void>((resolve) => setImmediate(() => void runSliced(steps(), { sliceMs: 0 }).then(() => resolve())));
    expect(seen).toEqual([['a'], ['a', 'b']]);
  });
});
