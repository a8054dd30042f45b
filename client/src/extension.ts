/**
 * VS Code extension entry point: starts the Policy Lint language server (dist/server.js) over IPC for Markdown
 * documents and wires the editor features around it:
 *   - overview.ts        the "Paper overview" view (policyLint/paperOverview)
 *   - statusBar.ts       the paper's problem counts in the status bar
 *   - checkWorkspace.ts  "Check all papers in the workspace" (policyLint/checkFiles)
 *   - crashPolicy.ts     restart a crashed server, and say so once
 *   - trust.ts           workspace trust: the server reads only inside the workspace until trust is granted
 * The citation highlighting is a TextMate injection grammar (syntaxes/), contributed in package.json.
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
  CloseAction,
  ErrorAction,
  ExecuteCommandRequest,
  LanguageClient,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { CHECK_WORKSPACE_COMMAND, WorkspaceChecker } from './checkWorkspace';
import { CrashPolicy } from './crashPolicy';
import type { CheckSummary } from './format';
import { OVERVIEW_REFRESH_COMMAND, OverviewController } from './overview';
import { PaperTracker } from './paperTracker';
import { PaperStatusBar } from './statusBar';
import { trustInitializationOptions, WORKSPACE_TRUST_NOTIFICATION, type WorkspaceTrustParams } from './trust';

/** What `activate` returns; integration tests reach the client and the features through `extension.exports`. */
export interface PolicyLintApi {
  client: LanguageClient;
  /** Settles when the first start attempt has finished (resolves even if the server failed to start). */
  ready: Promise<void>;
  /** The Paper overview: `refresh()`, `fetch(uri)`, `state`, `overview`, and the tree (`getChildren`). */
  overview: OverviewController;
  /** The status bar item: `text`, `counts`, `onDidUpdate`. */
  statusBar: PaperStatusBar;
  /** The paper the overview and the status bar are about. */
  paper(): vscode.TextDocument | undefined;
  /** Runs the workspace check (what `policyLint.checkWorkspace` does). */
  checkWorkspace(): Promise<CheckSummary | undefined>;
  /** Unexpected server exits so far and how many times the user was told. */
  crashes(): { crashes: number; notices: number };
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

  const crashPolicy = new CrashPolicy();
  let notices = 0;
  let lc: LanguageClient;
  const errorHandler: ErrorHandler = {
    error: (_error, _message, count): ErrorHandlerResult =>
      count && count <= 3 ? { action: ErrorAction.Continue } : { action: ErrorAction.Shutdown },
    closed: (): CloseHandlerResult => {
      const decision = crashPolicy.onClosed();
      if (decision.notify === 'restarted') {
        notices++;
        void vscode.window
          .showInformationMessage('Policy Lint: the language server stopped unexpectedly and was restarted.', 'Show Output')
          .then((choice) => choice && lc.outputChannel.show(true));
      }
      if (decision.restart) return { action: CloseAction.Restart, handled: true };
      notices++;
      void vscode.window
        .showErrorMessage('Policy Lint: the language server keeps crashing and was not restarted.', 'Restart', 'Show Output')
        .then((choice) => {
          if (choice === 'Restart') void vscode.commands.executeCommand(RESTART_COMMAND);
          else if (choice) lc.outputChannel.show(true);
        });
      return { action: CloseAction.DoNotRestart, message: 'The Policy Lint server crashed 5 times in 3 minutes; not restarted.', handled: true };
    },
  };

  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: { configurationSection: 'policyLint' },
    // a function, so that a restarted server learns the trust of the moment
    initializationOptions: () => trustInitializationOptions(vscode.workspace.isTrusted),
    errorHandler,
    // `policyLint.trace.server` is read by the client itself (it uses `${CLIENT_ID}.trace.server`).
  };

  lc = new LanguageClient(CLIENT_ID, 'Policy Lint', serverOptions, clientOptions);
  client = lc;

  const tracker = new PaperTracker();
  const statusBar = new PaperStatusBar(tracker);
  const overview = new OverviewController(lc, tracker);
  const checker = new WorkspaceChecker(lc);
  context.subscriptions.push(tracker, statusBar, overview, overview.createView(), checker);

  context.subscriptions.push(
    lc.onDidChangeState((e) => {
      if (e.newState === State.Running) void overview.refresh();
      else if (e.newState === State.Stopped) overview.clientStopped();
    }),
    vscode.commands.registerCommand(FIX_ALL_COMMAND, async (uri?: vscode.Uri | string) => {
      const target = uri ?? tracker.paper?.uri;
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
      crashPolicy.reset();
      if (lc.state === State.Stopped) await lc.start();
      else await lc.restart();
    }),
    vscode.commands.registerCommand(CHECK_WORKSPACE_COMMAND, () => checker.check()),
    vscode.commands.registerCommand(OVERVIEW_REFRESH_COMMAND, () => overview.refresh()),
    // Restricted Mode → trusted: the server may now read files outside the workspace folders, and re-checks
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (lc.state !== State.Running) return; // the next start reads isTrusted
      const params: WorkspaceTrustParams = { trusted: true };
      lc.sendNotification(WORKSPACE_TRUST_NOTIFICATION, params).catch((e: unknown) => lc.error('Policy Lint: could not tell the server about workspace trust', e));
    }),
  );

  const ready = lc.start().catch((err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    lc.error(`Policy Lint: the language server failed to start: ${message}`, err, 'force');
  });
  await ready;
  return {
    client: lc,
    ready,
    overview,
    statusBar,
    paper: () => tracker.paper,
    checkWorkspace: () => checker.check(),
    crashes: () => ({ crashes: crashPolicy.crashes, notices }),
  };
}

export async function deactivate(): Promise<void> {
  const lc = client;
  client = undefined;
  if (lc && lc.state !== State.Stopped) await lc.stop();
}
