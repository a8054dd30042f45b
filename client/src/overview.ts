/**
 * The "Paper overview" view (Explorer, id `policyLint.overview`): the paper's acronyms, key figures and citations
 * from the server's `policyLint/paperOverview` request. Refreshed when the paper changes, when its diagnostics
 * change (the server publishes after every analysis) and when the server (re)starts — no timers. Requests never
 * overlap: a refresh asked for while one is in flight runs once more after it.
 */
import * as vscode from 'vscode';
import { ErrorCodes, ResponseError, type LanguageClient } from 'vscode-languageclient/node';
import { PAPER_OVERVIEW_REQUEST, type PaperOverview, type PaperOverviewParams } from '../../server/src/server/protocol';
import { buildOverviewTree, type OverviewNode, type Range } from './overviewModel';
import type { PaperTracker } from './paperTracker';

export const OVERVIEW_VIEW_ID = 'policyLint.overview';
export const OVERVIEW_REFRESH_COMMAND = 'policyLint.overview.refresh';
export const OVERVIEW_REVEAL_COMMAND = 'policyLint.overview.reveal';
export const OVERVIEW_STATE_CONTEXT = 'policyLint.overviewState';

/** none: no paper; loading: first answer pending; ok; unsupported: the server lacks the request; error; stopped. */
export type OverviewState = 'none' | 'loading' | 'ok' | 'unsupported' | 'error' | 'stopped';

export function isMethodNotFound(e: unknown): boolean {
  return e instanceof ResponseError ? e.code === ErrorCodes.MethodNotFound : (e as { code?: unknown })?.code === ErrorCodes.MethodNotFound;
}

export class OverviewController implements vscode.TreeDataProvider<OverviewNode>, vscode.Disposable {
  private readonly treeEmitter = new vscode.EventEmitter<OverviewNode | undefined | void>();
  private readonly refreshEmitter = new vscode.EventEmitter<PaperOverview | undefined>();
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly onDidChangeTreeData = this.treeEmitter.event;
  /** Fires after every refresh with the data shown (undefined when there is none). */
  readonly onDidRefresh = this.refreshEmitter.event;

  private _state: OverviewState = 'none';
  private _overview: PaperOverview | undefined;
  private _error: string | undefined;
  private nodes: OverviewNode[] = [];
  private shownUri: vscode.Uri | undefined;
  private view: vscode.TreeView<OverviewNode> | undefined;
  /** A refresh was asked for while the view was hidden: do it when it shows. */
  private stale = true;
  private pending = false;
  private loop: Promise<PaperOverview | undefined> | undefined;

  constructor(
    private readonly client: LanguageClient,
    private readonly tracker: PaperTracker,
  ) {
    this.subscriptions.push(
      this.treeEmitter,
      this.refreshEmitter,
      tracker.onDidChange(() => this.requestRefresh()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const paper = this.tracker.paper;
        if (paper && e.uris.some((u) => u.toString() === paper.uri.toString())) this.requestRefresh();
      }),
      vscode.commands.registerCommand(OVERVIEW_REVEAL_COMMAND, (uri: vscode.Uri, range: vscode.Range) => reveal(uri, range)),
    );
    this.setState(tracker.paper ? 'loading' : 'none');
  }

  /** Creates the tree view; refreshes are skipped while it is hidden and made up for when it shows. */
  createView(): vscode.TreeView<OverviewNode> {
    const view = vscode.window.createTreeView(OVERVIEW_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.view = view;
    this.subscriptions.push(
      view,
      view.onDidChangeVisibility((e) => {
        if (e.visible && this.stale) void this.refresh();
      }),
    );
    return view;
  }

  get state(): OverviewState {
    return this._state;
  }

  /** The data shown, if any. */
  get overview(): PaperOverview | undefined {
    return this._overview;
  }

  get error(): string | undefined {
    return this._error;
  }

  /** The server's overview of any document (no state change); rejects as the request does. */
  fetch(uri: vscode.Uri | string, token?: vscode.CancellationToken): Promise<PaperOverview> {
    const params: PaperOverviewParams = { uri: typeof uri === 'string' ? uri : this.client.code2ProtocolConverter.asUri(uri) };
    // without a token, pass none: vscode-jsonrpc would send an `undefined` third argument as a second parameter
    return token ? this.client.sendRequest<PaperOverview>(PAPER_OVERVIEW_REQUEST, params, token) : this.client.sendRequest<PaperOverview>(PAPER_OVERVIEW_REQUEST, params);
  }

  /** Event-driven refresh: only while the view is visible (or has never been created, e.g. in tests). */
  private requestRefresh(): void {
    if (this.view && !this.view.visible) {
      this.stale = true;
      if (!this.tracker.paper) this.show(undefined, 'none');
      return;
    }
    void this.refresh();
  }

  /** Fetches the paper's overview now (after any request in flight) and shows it. Resolves with what is shown. */
  refresh(): Promise<PaperOverview | undefined> {
    this.pending = true;
    this.loop ??= this.runLoop();
    return this.loop;
  }

  private async runLoop(): Promise<PaperOverview | undefined> {
    let shown: PaperOverview | undefined;
    while (this.pending) {
      this.pending = false;
      this.stale = false;
      shown = await this.fetchAndShow();
    }
    // no await between the loop's last check and this line: a refresh() now starts a new loop
    this.loop = undefined;
    return shown;
  }

  private async fetchAndShow(): Promise<PaperOverview | undefined> {
    const paper = this.tracker.paper;
    if (!paper) return this.show(undefined, 'none');
    if (!this.client.isRunning()) return this.show(undefined, 'stopped');
    if (this._state !== 'ok' || this.shownUri?.toString() !== paper.uri.toString()) this.setState('loading');
    try {
      const overview = await this.fetch(paper.uri);
      // the paper changed while the request ran: the next loop iteration (requested by the change) shows it
      if (this.tracker.paper !== paper) return this._overview;
      // null: the server has not seen the document yet (e.g. just restarted); its diagnostics will bring a refresh
      if (!overview) return this.show(undefined, 'loading', paper);
      return this.show(overview, 'ok', paper);
    } catch (e) {
      if (isMethodNotFound(e)) return this.show(undefined, 'unsupported');
      if (!this.client.isRunning()) return this.show(undefined, 'stopped');
      const message = e instanceof Error ? e.message : String(e);
      this.client.outputChannel.appendLine(`[overview] ${PAPER_OVERVIEW_REQUEST} failed: ${message}`);
      return this.show(undefined, 'error', undefined, message);
    }
  }

  /** Called when the client stops: the view says so instead of showing stale data. */
  clientStopped(): void {
    this.show(undefined, 'stopped');
  }

  private show(overview: PaperOverview | undefined, state: OverviewState, paper?: vscode.TextDocument, error?: string): PaperOverview | undefined {
    this._overview = overview;
    this._error = error;
    this.shownUri = paper?.uri;
    const lineText = (line: number) => (paper && !paper.isClosed && line < paper.lineCount ? paper.lineAt(line).text : undefined);
    this.nodes = state === 'ok' ? buildOverviewTree(overview, lineText) : [];
    this.setState(state);
    if (this.view) {
      this.view.description = paper ? vscode.workspace.asRelativePath(paper.uri, false) : undefined;
      const counts = overview?.counts;
      this.view.badge = counts && counts.error + counts.warning > 0
        ? { value: counts.error + counts.warning, tooltip: `${counts.error} errors, ${counts.warning} warnings in this paper` }
        : undefined;
    }
    this.treeEmitter.fire();
    this.refreshEmitter.fire(overview);
    return overview;
  }

  private setState(state: OverviewState): void {
    if (state === this._state && state !== 'loading') return;
    this._state = state;
    void vscode.commands.executeCommand('setContext', OVERVIEW_STATE_CONTEXT, state);
  }

  // ---- TreeDataProvider -------------------------------------------------------------------------------------

  getChildren(node?: OverviewNode): OverviewNode[] {
    return node ? (node.children ?? []) : this.nodes;
  }

  getTreeItem(node: OverviewNode): vscode.TreeItem {
    const state = node.children?.length
      ? node.expanded
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed
      : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    item.contextValue = node.contextValue;
    if (node.tooltip) {
      const md = new vscode.MarkdownString(node.tooltip, true);
      md.isTrusted = false;
      item.tooltip = md;
    }
    if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon, node.iconColor ? new vscode.ThemeColor(node.iconColor) : undefined);
    if (node.range && this.shownUri) {
      item.command = { command: OVERVIEW_REVEAL_COMMAND, title: 'Go to', arguments: [this.shownUri, toRange(node.range)] };
    }
    return item;
  }

  getParent(node: OverviewNode): OverviewNode | undefined {
    const find = (list: OverviewNode[], parent: OverviewNode | undefined): OverviewNode | undefined => {
      for (const n of list) {
        if (n === node) return parent;
        const hit = n.children && find(n.children, n);
        if (hit) return hit;
      }
      return undefined;
    };
    return find(this.nodes, undefined);
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}

function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** Opens the paper (in the editor group that shows it, if any) with the range selected and centred. */
async function reveal(uri: vscode.Uri, range: vscode.Range): Promise<void> {
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const editor = await vscode.window.showTextDocument(uri, { selection: range, viewColumn: visible?.viewColumn, preserveFocus: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
