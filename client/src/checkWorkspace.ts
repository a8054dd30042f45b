/**
 * "Policy Lint: Check all papers in the workspace" (`policyLint.checkWorkspace`): finds every Markdown file, sends
 * them to the server in batches (`policyLint/checkFiles`) under a cancellable progress notification fed by the
 * server's `policyLint/checkFilesProgress` notifications. The server publishes the diagnostics itself, so the
 * results land in the Problems panel; a summary message follows.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CHECK_FILES_PROGRESS,
  CHECK_FILES_REQUEST,
  type CheckFilesParams,
  type CheckFilesProgress,
  type CheckFilesResult,
} from '../../server/src/server/protocol';
import { addCounts, batches, summaryMessage, ZERO, type CheckSummary } from './format';
import { isMethodNotFound } from './overview';

export const CHECK_WORKSPACE_COMMAND = 'policyLint.checkWorkspace';
export const MARKDOWN_GLOB = '**/*.{md,markdown}';
export const EXCLUDE_GLOB = '{**/node_modules/**,**/.git/**}';
/** Files per request: small enough for steady progress and cheap cancellation. */
export const BATCH_SIZE = 25;

interface RunningBatch {
  /** Files done before this batch. */
  offset: number;
  report(doneInRun: number): void;
}

export class WorkspaceChecker implements vscode.Disposable {
  private batch: RunningBatch | undefined;
  private running: Promise<CheckSummary | undefined> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    // registered before the client starts; vscode-languageclient keeps it across restarts
    this.subscriptions.push(client.onNotification(CHECK_FILES_PROGRESS, (p: CheckFilesProgress) => this.onProgress(p)));
  }

  private onProgress(p: CheckFilesProgress): void {
    if (this.batch && typeof p?.done === 'number') this.batch.report(this.batch.offset + p.done);
  }

  /** Runs the check (or joins the one running). Resolves with the summary, or undefined when nothing ran. */
  check(): Promise<CheckSummary | undefined> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<CheckSummary | undefined> {
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showInformationMessage('Policy Lint: open a folder to check the papers in it.');
      return undefined;
    }
    if (!this.client.isRunning()) {
      void vscode.window.showWarningMessage('Policy Lint: the language server is not running.', 'Restart').then((c) => {
        if (c) void vscode.commands.executeCommand('policyLint.restartServer');
      });
      return undefined;
    }
    const found = await vscode.workspace.findFiles(MARKDOWN_GLOB, EXCLUDE_GLOB);
    const uris = found.map((u) => this.client.code2ProtocolConverter.asUri(u)).sort();
    if (uris.length === 0) {
      void vscode.window.showInformationMessage('Policy Lint: no Markdown files in the workspace.');
      return undefined;
    }
    const summary: CheckSummary = { files: uris.length, checked: 0, failed: [], counts: { ...ZERO }, cancelled: false };
    const output = this.client.outputChannel;
    try {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Policy Lint', cancellable: true },
        async (progress, token) => {
          let reported = 0;
          const report = (done: number) => {
            const d = Math.min(done, uris.length);
            if (d <= reported) return;
            progress.report({ increment: ((d - reported) / uris.length) * 100, message: `checking papers: ${d} of ${uris.length}` });
            reported = d;
          };
          progress.report({ message: `checking papers: 0 of ${uris.length}` });
          let offset = 0;
          for (const batch of batches(uris, BATCH_SIZE)) {
            if (token.isCancellationRequested) break;
            this.batch = { offset, report };
            const params: CheckFilesParams = { uris: batch };
            let result: CheckFilesResult;
            try {
              result = await this.client.sendRequest<CheckFilesResult>(CHECK_FILES_REQUEST, params, token);
            } catch (e) {
              if (token.isCancellationRequested) break;
              throw e;
            } finally {
              this.batch = undefined;
            }
            summary.checked += result?.checked ?? 0;
            summary.failed.push(...(result?.failed ?? []));
            summary.counts = addCounts(summary.counts, result?.counts);
            offset += batch.length;
            report(offset);
          }
          summary.cancelled = token.isCancellationRequested && offset < uris.length;
        },
      );
    } catch (e) {
      if (isMethodNotFound(e)) {
        void vscode.window.showErrorMessage('Policy Lint: this version of the language server cannot check files on disk (policyLint/checkFiles).');
      } else {
        const message = e instanceof Error ? e.message : String(e);
        output.appendLine(`[check workspace] ${CHECK_FILES_REQUEST} failed: ${message}`);
        void vscode.window.showErrorMessage(`Policy Lint: checking the workspace failed: ${message}`);
      }
      return undefined;
    }
    for (const f of summary.failed) output.appendLine(`[check workspace] could not check ${f.uri}: ${f.reason}`);
    const message = summaryMessage(summary);
    const shown = summary.counts.error > 0 ? vscode.window.showWarningMessage(message, 'Open Problems') : vscode.window.showInformationMessage(message, 'Open Problems');
    void shown.then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
    return summary;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
