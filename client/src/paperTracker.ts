/**
 * "The paper": the Markdown document the overview and the status bar are about. It is the active editor's document
 * when that is a Markdown file; when focus moves to a panel, a non-text editor or another kind of file, the last
 * paper stays current as long as it is still visible. Keeps the `policyLint.paperActive` context key up to date
 * (the Paper overview view is shown when it is true).
 */
import * as vscode from 'vscode';

export const PAPER_ACTIVE_CONTEXT = 'policyLint.paperActive';

export function isPaper(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && doc.languageId === 'markdown' && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled');
}

export class PaperTracker implements vscode.Disposable {
  private current: vscode.TextDocument | undefined;
  private readonly emitter = new vscode.EventEmitter<vscode.TextDocument | undefined>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Fires when the paper changes (another document, or none). */
  readonly onDidChange = this.emitter.event;

  constructor() {
    this.subscriptions.push(
      this.emitter,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.update()),
      vscode.workspace.onDidCloseTextDocument(() => this.update()),
      // a document whose language changes to or from Markdown
      vscode.workspace.onDidOpenTextDocument(() => this.update()),
    );
    this.update(true);
  }

  get paper(): vscode.TextDocument | undefined {
    return this.current;
  }

  private update(force = false): void {
    const active = vscode.window.activeTextEditor?.document;
    let next: vscode.TextDocument | undefined;
    if (isPaper(active)) next = active;
    else if (this.current && !this.current.isClosed && vscode.window.visibleTextEditors.some((e) => e.document === this.current)) next = this.current;
    else next = vscode.window.visibleTextEditors.map((e) => e.document).find(isPaper);
    if (!force && next === this.current) return;
    this.current = next;
    void vscode.commands.executeCommand('setContext', PAPER_ACTIVE_CONTEXT, !!next);
    this.emitter.fire(next);
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
