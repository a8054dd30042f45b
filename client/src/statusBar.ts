/**
 * A status bar item with the paper's Policy Lint problem counts (diagnostics with source `policy-lint`), updated on
 * `onDidChangeDiagnostics` and when the paper changes; click opens the Problems panel. Hidden without a paper.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SOURCE } from '../../server/src/server/protocol';
import { countSeverities, statusText, statusTooltip, type Counts } from './format';
import type { PaperTracker } from './paperTracker';

export const STATUS_ITEM_ID = 'policyLint.problems';

export class PaperStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Fires after every update of the item (tests wait on it). */
  readonly onDidUpdate = this.emitter.event;
  private _counts: Counts | undefined;

  constructor(private readonly tracker: PaperTracker) {
    this.item = vscode.window.createStatusBarItem(STATUS_ITEM_ID, vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Policy Lint problems';
    this.item.command = { command: 'workbench.actions.view.problems', title: 'Open the Problems panel' };
    this.subscriptions.push(
      this.item,
      this.emitter,
      tracker.onDidChange(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const paper = this.tracker.paper;
        if (paper && e.uris.some((u) => u.toString() === paper.uri.toString())) this.update();
      }),
    );
    this.update();
  }

  /** The counts shown, or undefined while hidden. */
  get counts(): Counts | undefined {
    return this._counts;
  }

  get text(): string {
    return this.item.text;
  }

  update(): void {
    const paper = this.tracker.paper;
    if (!paper) {
      this._counts = undefined;
      this.item.hide();
    } else {
      const ours = vscode.languages.getDiagnostics(paper.uri).filter((d) => d.source === SOURCE);
      const counts = countSeverities(ours.map((d) => d.severity));
      this._counts = counts;
      this.item.text = statusText(counts);
      const name = paper.isUntitled ? paper.uri.path : path.basename(paper.uri.fsPath);
      this.item.tooltip = statusTooltip(counts, name);
      this.item.accessibilityInformation = { label: statusTooltip(counts, name) };
      this.item.show();
    }
    this.emitter.fire();
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
