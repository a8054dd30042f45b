// A minimal LSP client for protocol tests: spawns the built server over stdio and speaks real JSON-RPC.
// Every wait is event-driven (a promise resolved by a notification/request handler or a process event).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ApplyWorkspaceEditParams, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';

export const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

interface Waiter<T> {
  pred: (x: T) => boolean;
  resolve: (x: T) => void;
}

export class TestClient {
  readonly child: ChildProcess;
  readonly conn: MessageConnection;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly applyEdits: ApplyWorkspaceEditParams[] = [];
  readonly logs: { type: number; message: string }[] = [];
  /** Notifications that arrived before the initialize response (LSP forbids them, except logs). */
  readonly beforeInitialize: string[] = [];
  /** What `workspace/configuration` answers for every item. */
  settings: unknown = {};
  stderr = '';
  /** Resolves with the exit code when the server process ends. */
  readonly exited: Promise<number | null>;
  private initialized = false;
  private diagnosticWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private editWaiters: Waiter<ApplyWorkspaceEditParams>[] = [];

  constructor(cwd?: string) {
    this.child = spawn(process.execPath, [...(process.env.PL_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean), SERVER, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    this.child.stderr!.on('data', (d) => (this.stderr += d));
    this.conn = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      if (!this.initialized) this.beforeInitialize.push('textDocument/publishDiagnostics');
      this.published.push(p);
      this.diagnosticWaiters = settle(this.diagnosticWaiters, p);
    });
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => this.settings));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      this.applyEdits.push(p);
      this.editWaiters = settle(this.editWaiters, p);
      return { applied: true };
    });
    this.conn.onNotification('window/logMessage', (p: { type: number; message: string }) => this.logs.push(p));
    this.conn.listen();
  }

  /** Resolves with the latest publishDiagnostics for `uri` satisfying `pred` already received, or the next one. */
  diagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    const seen = [...this.published].reverse().find((p) => p.uri === uri && pred(p));
    if (seen) return Promise.resolve(seen);
    return this.nextDiagnostics(uri, pred);
  }

  /** Resolves with the next publishDiagnostics for `uri` satisfying `pred` (ignores those already received). */
  nextDiagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.diagnosticWaiters.push({ pred: (p) => p.uri === uri && pred(p), resolve }));
  }

  /** Resolves with the next workspace/applyEdit request the server sends. */
  nextApplyEdit(): Promise<ApplyWorkspaceEditParams> {
    return new Promise((resolve) => this.editWaiters.push({ pred: () => true, resolve }));
  }

  async initialize(rootUri: string | null = null, capabilities: Record<string, unknown> = {}) {
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
      capabilities,
    });
    this.initialized = true;
    await this.conn.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown>; serverInfo: { name: string; version?: string } };
  }

  open(uri: string, text: string, version = 1) {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  /** Shuts the server down politely, then makes sure the process is gone. */
  async stop() {
    try {
      if (this.child.exitCode === null) {
        await this.conn.sendRequest('shutdown');
        await this.conn.sendNotification('exit');
      }
    } catch {
      // already gone
    }
    // the server exits on 'exit' (and writes a CPU profile when PL_SERVER_NODE_ARGS asks for one); a deadline, not a wait
    let deadline: NodeJS.Timeout | undefined;
    await Promise.race([this.exited, new Promise((resolve) => (deadline = setTimeout(resolve, 2000)))]);
    clearTimeout(deadline);
    this.conn.dispose();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }
}

function settle<T>(waiters: Waiter<T>[], x: T): Waiter<T>[] {
  return waiters.filter((w) => {
    if (!w.pred(x)) return true;
    w.resolve(x);
    return false;
  });
}

export type { Diagnostic };
