import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeAction,
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  DiagnosticSeverity,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  analyze,
  applyFixes,
  CONFIG_FILE_NAMES,
  hoverAt,
  LineIndex,
  loadWorkspaceSetup,
  resolveConfig,
  rules,
  type AnalysisResult,
  type PolicyLintConfig,
  type ResolvedConfig,
  type WorkspaceSetup,
} from '../core/index';
import { quickFixes, toDiagnostic, toLspEdit, workspaceEdit } from './convert';
import { CONFIG_PROBLEM_CODE, FIX_ALL_COMMAND, FIX_ALL_KIND, SOURCE, type PolicyLintSettings } from './protocol';

const VERSION = '0.1.0';

/**
 * One language-server session: open documents, settings, the workspace's config and knowledge base, and a
 * per-document cache of the last analysis (so hover does not re-analyse). The analysis itself is the pure core.
 */
export class PolicyLintSession {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly cache = new Map<string, { version: number; result: AnalysisResult }>();
  private readonly pending = new Set<string>();
  private root: string | undefined;
  private canPullConfiguration = false;
  private canWatchFiles = false;
  private settings: PolicyLintConfig = {};
  private setup: WorkspaceSetup = loadWorkspaceSetup(undefined, readText, rules);
  private config: ResolvedConfig = resolveConfig(rules);
  private publishedConfigProblems = new Set<string>();

  constructor(private readonly connection: Connection) {}

  listen(): void {
    const c = this.connection;
    c.onInitialize((p) => this.initialize(p));
    c.onInitialized(() => void this.initialized());
    c.onDidChangeConfiguration((p) => void this.reloadSettings(p.settings?.policyLint));
    c.onDidChangeWatchedFiles(() => this.reloadWorkspace());
    c.onHover((p) => this.guard('hover', () => this.hover(p), null));
    c.onCodeAction((p) => this.guard('codeAction', () => this.codeActions(p), []));
    c.onExecuteCommand((p) => this.guard('executeCommand', () => this.executeCommand(p.command, p.arguments ?? []), null));
    this.documents.onDidChangeContent((e) => this.schedule(e.document.uri));
    this.documents.onDidClose((e) => {
      this.cache.delete(e.document.uri);
      this.pending.delete(e.document.uri);
      void c.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
    this.documents.listen(c);
    c.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    this.root = folder?.startsWith('file:') ? fileURLToPath(folder) : undefined;
    this.canPullConfiguration = !!params.capabilities.workspace?.configuration;
    this.canWatchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    const fromInit = (params.initializationOptions as { settings?: PolicyLintSettings } | undefined)?.settings;
    if (fromInit) this.settings = toConfig(fromInit);
    this.loadWorkspaceConfig();
    return {
      capabilities: {
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll] },
        executeCommandProvider: { commands: [FIX_ALL_COMMAND] },
      },
      serverInfo: { name: SOURCE, version: VERSION },
    };
  }

  private async initialized(): Promise<void> {
    if (this.canPullConfiguration) {
      void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'policyLint' }).catch(() => undefined);
    }
    if (this.canWatchFiles) {
      void this.connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.policylint.{yaml,yml,json}' }, { globPattern: '**/*.{yaml,yml,json}' }] })
        .catch(() => undefined);
    }
    await this.reloadSettings(undefined);
  }

  /** Settings pushed with didChangeConfiguration, or pulled with workspace/configuration. */
  private async reloadSettings(pushed: PolicyLintSettings | undefined): Promise<void> {
    try {
      if (this.canPullConfiguration) {
        const pulled = (await this.connection.workspace.getConfiguration('policyLint')) as PolicyLintSettings | null;
        this.settings = toConfig(pulled ?? {});
      } else if (pushed) {
        this.settings = toConfig(pushed);
      }
    } catch (e) {
      this.connection.console.error(`policy-lint: could not read settings: ${(e as Error).message}`);
    }
    this.config = resolveConfig(rules, this.setup.config, this.settings);
    this.recheckAll();
  }

  private reloadWorkspace(): void {
    this.loadWorkspaceConfig();
    this.recheckAll();
  }

  private loadWorkspaceConfig(): void {
    const file = this.root ? CONFIG_FILE_NAMES.map((n) => path.join(this.root!, n)).find((f) => fs.existsSync(f)) : undefined;
    this.setup = loadWorkspaceSetup(file, readText, rules);
    this.config = resolveConfig(rules, this.setup.config, this.settings);
    this.publishConfigProblems();
  }

  /** Problems in the config or a glossary: one diagnostic each, on that file, at its line. */
  private publishConfigProblems(): void {
    const byFile = new Map<string, Diagnostic[]>();
    for (const p of this.setup.problems) {
      const uri = pathToFileURL(p.file).toString();
      const list = byFile.get(uri) ?? [];
      const line = Math.max(0, p.line - 1);
      const character = Math.max(0, p.column - 1);
      list.push({
        range: { start: { line, character }, end: { line, character: character + 1 } },
        severity: DiagnosticSeverity.Error,
        code: CONFIG_PROBLEM_CODE,
        source: SOURCE,
        message: `${p.message} Policy Lint uses its defaults for this setting.`,
      });
      byFile.set(uri, list);
    }
    for (const uri of this.publishedConfigProblems) if (!byFile.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const [uri, diagnostics] of byFile) void this.connection.sendDiagnostics({ uri, diagnostics });
    this.publishedConfigProblems = new Set(byFile.keys());
  }

  private recheckAll(): void {
    this.cache.clear();
    for (const doc of this.documents.all()) this.schedule(doc.uri);
  }

  /**
   * Checks a document once the messages already waiting have been read: a burst of changes costs one check of
   * the latest version, and a single keystroke is checked at once (no fixed debounce).
   */
  private schedule(uri: string): void {
    if (this.pending.has(uri)) return;
    this.pending.add(uri);
    setImmediate(() => {
      if (!this.pending.delete(uri)) return;
      const doc = this.documents.get(uri);
      if (doc) this.guard('validate', () => this.validate(doc), undefined);
    });
  }

  private validate(doc: TextDocument): void {
    const version = doc.version;
    const result = this.analysis(doc);
    // a newer version arrived while this one was checked: its own check will publish
    if (this.documents.get(doc.uri)?.version !== version) return;
    const lines = result.paper.lines;
    const diagnostics = result.findings.map((f) => toDiagnostic(f, lines, doc.uri, version));
    void this.connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
  }

  private analysis(doc: TextDocument): AnalysisResult {
    const cached = this.cache.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.result;
    const result = analyze(doc.getText(), { config: this.config, kb: this.setup.kb });
    this.cache.set(doc.uri, { version: doc.version, result });
    return result;
  }

  private hover(p: HoverParams): Hover | null {
    const doc = this.documents.get(p.textDocument.uri);
    if (!doc) return null;
    const result = this.analysis(doc);
    const h = hoverAt(result, result.paper.lines.offsetAt(p.position));
    if (!h) return null;
    return { contents: { kind: 'markdown', value: h.markdown }, range: result.paper.lines.range(h.range) };
  }

  private codeActions(p: CodeActionParams): CodeAction[] {
    const doc = this.documents.get(p.textDocument.uri);
    if (!doc) return [];
    const only = p.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      const rulesHere = new Set<string>();
      for (const d of p.context.diagnostics) {
        actions.push(...quickFixes(d, doc.uri, doc.version));
        if (d.source === SOURCE && typeof d.code === 'string') rulesHere.add(d.code);
      }
      for (const ruleId of rulesHere) {
        const all = this.fixAllEdits(doc, ruleId);
        if (all && all.count > 1) {
          const action = CodeAction.create(`Fix all ${ruleId} problems (${all.count})`, workspaceEdit(doc.uri, doc.version, all.edits), CodeActionKind.QuickFix);
          actions.push(action);
        }
      }
    }
    // source.fixAll is only computed when asked for (on save, or from the source action menu)
    if (only?.some((k) => FIX_ALL_KIND === k || FIX_ALL_KIND.startsWith(k + '.'))) {
      const all = this.fixAllEdits(doc);
      if (all && all.count > 0) actions.push(CodeAction.create('Fix all Policy Lint problems', workspaceEdit(doc.uri, doc.version, all.edits), FIX_ALL_KIND));
    }
    return actions;
  }

  /** Every certain fix (of one rule, or all), from the current text, as non-overlapping edits. */
  private fixAllEdits(doc: TextDocument, ruleId?: string) {
    const result = this.analysis(doc);
    const fixable = result.findings.filter((f) => (!ruleId || f.ruleId === ruleId) && f.fixes.some((x) => x.isSafe));
    if (!fixable.length) return undefined;
    const applied = applyFixes(result.text, fixable, { ruleId });
    const lines = new LineIndex(result.text);
    return { count: applied.applied, edits: applied.edits.map((e) => toLspEdit(e, lines)) };
  }

  private async executeCommand(command: string, args: unknown[]): Promise<unknown> {
    if (command !== FIX_ALL_COMMAND) return null;
    const uri = typeof args[0] === 'string' ? args[0] : (args[0] as { uri?: string } | undefined)?.uri;
    const doc = uri ? this.documents.get(uri) : undefined;
    if (!doc) return { applied: false, count: 0 };
    const all = this.fixAllEdits(doc);
    if (!all || all.count === 0) return { applied: true, count: 0 };
    const res = await this.connection.workspace.applyEdit({ label: 'Policy Lint: fix all', edit: workspaceEdit(doc.uri, doc.version, all.edits) });
    return { applied: res.applied, count: res.applied ? all.count : 0 };
  }

  /** Runs a handler; an exception is logged, never fatal. */
  private guard<T>(what: string, fn: () => T, fallback: T): T {
    try {
      const out = fn();
      if (out instanceof Promise) {
        return out.catch((e: unknown) => {
          this.connection.console.error(`policy-lint: ${what} failed: ${(e as Error)?.stack ?? e}`);
          return fallback;
        }) as T;
      }
      return out;
    } catch (e) {
      this.connection.console.error(`policy-lint: ${what} failed: ${(e as Error)?.stack ?? e}`);
      return fallback;
    }
  }
}

function readText(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

/** Settings → config; anything malformed is dropped (the settings UI validates against the generated schema). */
function toConfig(settings: PolicyLintSettings): PolicyLintConfig {
  const rulesIn = settings?.rules;
  if (!rulesIn || typeof rulesIn !== 'object') return {};
  return { rules: rulesIn as PolicyLintConfig['rules'] };
}
