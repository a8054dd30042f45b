/**
 * VS Code extension entry point: starts the Policy Lint language server (dist/server.js) over IPC for
 * Markdown documents and contributes two commands.
 *
 * Command names: the server advertises `policyLint.fixAll` in `executeCommandProvider`, and
 * vscode-languageclient registers every advertised server command as a VS Code command of the same name
 * (forwarding its arguments to `workspace/executeCommand`). Registering `policyLint.fixAll` here as well would
 * fail with "command 'policyLint.fixAll' already exists". The user-facing command is therefore
 * `policyLint.fixAllInEditor`, which supplies the active editor's URI and sends the request itself.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

/** What `activate` returns; integration tests reach the client through `extension.exports.client`. */
export interface PolicyLintApi {
  client: LanguageClient;
  /** Settles when the first start attempt has finished (resolves even if the server failed to start). */
  ready: Promise<void>;
}

export const CLIENT_ID = 'policyLint';
export const SERVER_FIX_ALL_COMMAND = 'policyLint.fixAll';
export const FIX_ALL_COMMAND = 'policyLint.fixAllInEditor';
export const RESTART_COMMAND = 'policyLint.restartServer';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<PolicyLintApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: { configurationSection: 'policyLint' },
    // `policyLint.trace.server` is read by the client itself (it uses `${CLIENT_ID}.trace.server`).
  };

  const lc = new LanguageClient(CLIENT_ID, 'Policy Lint', serverOptions, clientOptions);
  client = lc;

  context.subscriptions.push(
    vscode.commands.registerCommand(FIX_ALL_COMMAND, async (uri?: vscode.Uri | string) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!target) {
        void vscode.window.showInformationMessage('Policy Lint: open a Markdown document first.');
        return undefined;
      }
      if (lc.state !== State.Running) {
        void vscode.window.showWarningMessage('Policy Lint: the language server is not running.');
        return undefined;
      }
      return lc.sendRequest(ExecuteCommandRequest.type, {
        command: SERVER_FIX_ALL_COMMAND,
        arguments: [typeof target === 'string' ? target : target.toString()],
      });
    }),
    vscode.commands.registerCommand(RESTART_COMMAND, async () => {
      if (lc.state === State.Stopped) await lc.start();
      else await lc.restart();
    }),
  );

  const ready = lc.start().catch((err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    lc.error(`Policy Lint: the language server failed to start: ${message}`, err, 'force');
  });
  await ready;
  return { client: lc, ready };
}

export async function deactivate(): Promise<void> {
  const lc = client;
  client = undefined;
  if (lc && lc.state !== State.Stopped) await lc.stop();
}
