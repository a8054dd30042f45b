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
  type ExecuteCommandParams,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  type PublishDiagnosticsParams,
  CancellationToken,
  type SymbolInformation,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  SymbolKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version as VERSION } from '../../../package.json';
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
  type SeveritySetting,
  type WorkspaceSetup,
} from '../core/index';
import { AnalysisCache } from '../core/cache';
import { analyzeAsync, type AnalyzeOptions } from '../core/analyze';

/** The cancellation token among a handler's trailing arguments (a never-cancelled one if there is none). */
function tokenOf(args: readonly unknown[]): CancellationToken {
  for (let i = args.length - 1; i >= 0; i--) if (CancellationToken.is(args[i])) return args[i] as CancellationToken;
  return CancellationToken.None;
}

/**
 * Longest stretch of checking between two looks at the message queue (ms). A request waits a few slices (reading
 * it and answering it are separate turns of the event loop): with 2 ms slices a hover on another paper while a 5 MB
 * paper is checked takes 12 ms (p50), with 10 ms slices 46 ms; the check itself takes as long either way.
 */
const ANALYSIS_SLICE_MS = 2;
/** A request about a paper up to this size whose check is not done yet checks it itself; a longer one answers empty. */
const SYNC_ANALYSIS_MAX_CHARS = 256 * 1024;
import {
  quickFixActions,
  readDiagnosticData,
  sameFix,
  sameRange,
  toConfigDiagnostic,
  toDiagnostic,
  toFixData,
  toLspEdit,
  workspaceEdit,
} from './convert';
import {
  CHECK_FILES_PROGRESS,
  CHECK_FILES_REQUEST,
  FIX_ALL_COMMAND,
  FIX_ALL_KIND,
  PAPER_OVERVIEW_REQUEST,
  SOURCE,
  type CheckFilesParams,
  type CheckFilesResult,
  type FixData,
  type PaperOverviewParams,
  type PolicyLintSettings,
} from './protocol';
import * as features from './features';
import { FileAccess, trustedFromInitializationOptions, WorkspaceFiles, WORKSPACE_TRUST_NOTIFICATION, type WorkspaceTrustParams } from './workspaceFiles';

const SEVERITIES: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];

/** A workspace folder with its config file (if any) and the knowledge base its glossaries give. */
interface Folder {
  uri: string;
  /** Absolute path; undefined for non-file folders. */
  root: string | undefined;
  setup: WorkspaceSetup;
  /** `policyLint` settings scoped to this folder. */
  settings: PolicyLintConfig;
  config: ResolvedConfig;
}

/**
 * One language-server session: the open documents, the workspace folders with their config and settings, and a
 * per-document cache of the last analysis (so hover and code actions do not re-analyse an unchanged version).
 * The analysis is the pure core; this class only adapts it to LSP. Every handler is guarded: an exception is
 * logged to the client's console, never fatal.
 */
export class PolicyLintSession {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly cache = new Map<string, { version: number; result: AnalysisResult }>();
  /** Per open document: what its earlier versions' analyses computed, so an edit re-checks only what changed. */
  private readonly incremental = new Map<string, AnalysisCache>();
  private folders: Folder[] = [];
  /** Settings that apply outside any workspace folder. */
  private globalSettings: PolicyLintConfig = {};
  private canPullConfiguration = false;
  private canRegisterConfigurationChange = false;
  private canWatchFiles = false;
  private settingsRequest = 0;
  private configProblemUris = new Set<string>();
  /** Every file read besides the open documents: size limit, and the workspace-trust policy. */
  private readonly files = new FileAccess(() => this.folders.map((f) => f.root));
  private readonly empty = loadWorkspaceSetup(undefined, this.files.readText, rules);

  /** Papers on disk, for workspace symbols and the workspace check. */
  private readonly disk = new WorkspaceFiles((file, text) => this.analyzeText(pathToFileURL(file).toString(), text), undefined, undefined, this.files);

  constructor(private readonly connection: Connection) {}

  listen(): void {
    const c = this.connection;
    c.onInitialize((p) => this.initialize(p));
    c.onInitialized(() => this.guard('initialized', () => this.initialized(), undefined));
    c.onDidChangeConfiguration((p) => this.guard('didChangeConfiguration', () => this.reloadSettings(p.settings?.policyLint), undefined));
    c.onDidChangeWatchedFiles(() => this.guard('didChangeWatchedFiles', () => this.reloadWorkspace(), undefined));
    c.onNotification(WORKSPACE_TRUST_NOTIFICATION, (p: WorkspaceTrustParams) =>
      this.guard('workspaceTrust', () => {
        this.files.trusted = p?.trusted === true;
        this.reloadWorkspace();
      }, undefined),
    );
    c.onHover((p, token) => this.unlessCancelled(token, () => this.guard('hover', () => this.hover(p), null)));
    c.onCodeAction((p, token) => this.unlessCancelled(token, () => this.guard('codeAction', () => this.codeActions(p), [])));
    c.onExecuteCommand((p, token) => this.unlessCancelled(token, () => this.guard('executeCommand', () => this.executeCommand(p), null)));
    c.onDefinition((p, token) => this.unlessCancelled(token, () => this.guard('definition', () => this.withDoc(p.textDocument.uri, (r) => features.definition(r, p.textDocument.uri, p.position, this.bibliographyUri(p.textDocument.uri))), null)));
    c.onReferences((p, token) => this.unlessCancelled(token, () => this.guard('references', () => this.withDoc(p.textDocument.uri, (r) => features.references(r, p.textDocument.uri, p.position, p.context.includeDeclaration, this.bibliographyUri(p.textDocument.uri))) ?? [], [])));
    c.onPrepareRename((p, token) => this.unlessCancelled(token, () => this.guard('prepareRename', () => this.withDoc(p.textDocument.uri, (r) => features.prepareRename(r, p.position)), null)));
    c.onRenameRequest((p, token) => this.unlessCancelled(token, () => this.rename(p.textDocument.uri, p.position, p.newName)));
    c.onDocumentSymbol((p, token) => this.unlessCancelled(token, () => this.guard('documentSymbol', () => this.withDoc(p.textDocument.uri, (r) => features.documentSymbols(r)) ?? [], [])));
    c.onWorkspaceSymbol((p, token) => this.unlessCancelled(token, () => this.guard('workspaceSymbol', () => this.workspaceSymbols(p.query), [])));
    c.onCompletion((p, token) => this.unlessCancelled(token, () => this.guard('completion', () => this.withDoc(p.textDocument.uri, (r) => features.completions(r, p.position)) ?? [], [])));
    c.languages.semanticTokens.on((p, token) => this.unlessCancelled(token, () => this.guard('semanticTokens', () => this.withDoc(p.textDocument.uri, (r) => features.semanticTokens(r)) ?? { data: [] }, { data: [] })));
    // string methods get their parameters spread: a client may send `[params, null]`, so the token is the last argument
    c.onRequest(PAPER_OVERVIEW_REQUEST, (p: PaperOverviewParams, ...rest: unknown[]) =>
      this.unlessCancelled(tokenOf(rest), () =>
        this.guard('paperOverview', () => {
          const doc = this.documents.get(p.uri);
          return doc ? features.paperOverview(this.analysis(doc), doc.uri, doc.version) : null;
        }, null),
      ),
    );
    c.onRequest(CHECK_FILES_REQUEST, (p: CheckFilesParams, ...rest: unknown[]) => this.guard('checkFiles', () => this.checkFiles(p?.uris ?? [], tokenOf(rest)), null));
    this.documents.onDidChangeContent((e) => this.schedule(e.document.uri));
    this.documents.onDidClose((e) =>
      this.guard('didClose', () => {
        this.cache.delete(e.document.uri);
        this.incremental.delete(e.document.uri);
        if (this.lintable(e.document)) this.publish({ uri: e.document.uri, diagnostics: [] });
      }, undefined),
    );
    this.documents.listen(c);
    c.listen();
  }

  // --- lifecycle --------------------------------------------------------------------------------------------

  private initialize(params: InitializeParams): InitializeResult {
    try {
      const ws = params.capabilities.workspace;
      this.canPullConfiguration = !!ws?.configuration;
      this.canRegisterConfigurationChange = !!ws?.didChangeConfiguration?.dynamicRegistration;
      this.canWatchFiles = !!ws?.didChangeWatchedFiles?.dynamicRegistration;
      const uris = params.workspaceFolders?.length
        ? params.workspaceFolders.map((f) => f.uri)
        : params.rootUri
          ? [params.rootUri]
          : params.rootPath
            ? [pathToFileURL(params.rootPath).toString()]
            : [];
      this.files.trusted = trustedFromInitializationOptions(params.initializationOptions);
      const fromInit = (params.initializationOptions as { settings?: PolicyLintSettings } | undefined)?.settings;
      if (fromInit) this.globalSettings = toConfig(fromInit);
      this.folders = uris.map((uri) => ({ uri, root: fsPath(uri), setup: this.empty, settings: this.globalSettings, config: resolveConfig(rules) }));
      // the config is read now, but its problems are only published after `initialized` (LSP forbids
      // notifications before the initialize response)
      this.loadWorkspaceConfig();
    } catch (e) {
      this.logError('initialize', e);
    }
    return {
      capabilities: {
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        completionProvider: { resolveProvider: false, triggerCharacters: ['@'] },
        semanticTokensProvider: { legend: features.SEMANTIC_LEGEND, full: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND] },
        executeCommandProvider: { commands: [FIX_ALL_COMMAND] },
      },
      serverInfo: { name: SOURCE, version: VERSION },
    };
  }

  private async initialized(): Promise<void> {
    if (this.canRegisterConfigurationChange) {
      this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'policyLint' }).catch((e) => this.logError('register', e));
    }
    if (this.canWatchFiles) {
      const watchers = [{ globPattern: '**/.policylint.{yaml,yml,json}' }, { globPattern: '**/*.{yaml,yml,json,bib,bibtex}' }];
      this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((e) => this.logError('register', e));
    }
    this.publishConfigProblems();
    await this.reloadSettings(undefined);
  }

  // --- settings and config ----------------------------------------------------------------------------------

  /** Pulls the `policyLint` section (per workspace folder) when the client can answer, else uses what was pushed. */
  private async reloadSettings(pushed: PolicyLintSettings | undefined): Promise<void> {
    const request = ++this.settingsRequest;
    if (this.canPullConfiguration) {
      let answers: unknown[];
      try {
        const items = [{ section: 'policyLint' }, ...this.folders.map((f) => ({ scopeUri: f.uri, section: 'policyLint' }))];
        answers = await this.connection.workspace.getConfiguration(items);
      } catch (e) {
        this.logError('workspace/configuration', e);
        return;
      }
      // an older request answered after a newer one must not win
      if (request !== this.settingsRequest) return;
      this.globalSettings = toConfig(answers?.[0] as PolicyLintSettings);
      this.folders.forEach((f, i) => (f.settings = answers?.[i + 1] == null ? this.globalSettings : toConfig(answers[i + 1] as PolicyLintSettings)));
    } else if (pushed && typeof pushed === 'object') {
      this.globalSettings = toConfig(pushed);
      for (const f of this.folders) f.settings = this.globalSettings;
    } else {
      return;
    }
    this.resolveConfigs();
    this.recheckAll();
  }

  private reloadWorkspace(): void {
    this.loadWorkspaceConfig();
    this.publishConfigProblems();
    this.recheckAll();
  }

  /** Reads `.policylint.yaml|.yml|.json` at the root of each workspace folder (and the glossaries it names). */
  private loadWorkspaceConfig(): void {
    for (const f of this.folders) {
      const file = f.root ? CONFIG_FILE_NAMES.map((n) => path.join(f.root!, n)).find((p) => fs.existsSync(p)) : undefined;
      f.setup = file ? loadWorkspaceSetup(file, this.files.readText, rules) : this.empty;
    }
    this.resolveConfigs();
  }

  private resolveConfigs(): void {
    for (const f of this.folders) f.config = resolveConfig(rules, f.setup.config, f.settings);
  }

  /** Problems in config and glossary files: diagnostics on those files, at their lines; cleared once fixed. */
  private publishConfigProblems(): void {
    const byFile = new Map<string, { file: string; diagnostics: Diagnostic[] }>();
    for (const f of this.folders) {
      for (const p of f.setup.problems) {
        const uri = pathToFileURL(p.file).toString();
        const entry = byFile.get(uri) ?? { file: p.file, diagnostics: [] };
        entry.diagnostics.push(toConfigDiagnostic(p, this.files.lineOf(p.file, p.line)));
        byFile.set(uri, entry);
      }
    }
    for (const uri of this.configProblemUris) if (!byFile.has(uri)) this.publish({ uri, diagnostics: [] });
    for (const [uri, { diagnostics }] of byFile) this.publish({ uri, diagnostics });
    this.configProblemUris = new Set(byFile.keys());
  }

  /** The workspace folder holding a document (the innermost), if any. */
  private folderOf(uri: string): Folder | undefined {
    const file = fsPath(uri);
    let best: Folder | undefined;
    for (const f of this.folders) {
      if (!f.root || !file) continue;
      const rel = path.relative(f.root, file);
      if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
      if (!best || f.root.length > best.root!.length) best = f;
    }
    return best ?? (this.folders.length === 1 && !file ? this.folders[0] : undefined);
  }

  // --- diagnostics ------------------------------------------------------------------------------------------

  private recheckAll(): void {
    this.cache.clear();
    this.disk.clear();
    for (const doc of this.documents.all()) this.guard('validate', () => this.validate(doc), undefined);
  }

  /** Config files and other non-Markdown documents a client may sync are not papers. */
  private lintable(doc: TextDocument): boolean {
    if (['yaml', 'json', 'jsonc', 'bibtex'].includes(doc.languageId)) return false;
    return !CONFIG_FILE_NAMES.includes(path.posix.basename(doc.uri.split(/[?#]/)[0]));
  }

  /** Checks a document now (no debounce: the check is fast) and publishes unless a newer version arrived. */
  private readonly scheduled = new Set<string>();

  /**
   * Checks a document as soon as the messages already received have been read: a single keystroke is checked
   * at once (no fixed debounce), and a burst of changes that arrived together costs one check of the last one.
   */
  private schedule(uri: string): void {
    if (this.scheduled.has(uri)) return;
    this.scheduled.add(uri);
    setImmediate(() => {
      this.scheduled.delete(uri);
      const doc = this.documents.get(uri);
      if (doc) this.guard('validate', () => this.validate(doc), undefined);
    });
  }

  /**
   * Checks a document in time slices (see `analyzeAsync`): between slices the server reads and answers other
   * messages, so a long paper never freezes hover or completion; a check overtaken by a newer version stops at its
   * next pause (what it computed stays in the document's cache for the next check).
   */
  private async validate(doc: TextDocument): Promise<void> {
    if (!this.lintable(doc)) return;
    const { uri, version } = doc;
    // still this document (not one closed and opened again under the same URI, whose versions start again) at
    // this version
    const open = () => this.documents.get(uri) === doc;
    const current = () => open() && doc.version === version;
    let result = this.cached(doc);
    if (!result) {
      result = await analyzeAsync(doc.getText(), this.analyzeOptions(uri), { sliceMs: ANALYSIS_SLICE_MS, cancelled: () => !current() });
      if (!result || !open()) return;
      this.cache.set(uri, { version, result });
    }
    if (!current()) return;
    const lines = result.paper.lines;
    this.publish({ uri, version, diagnostics: result.findings.map((f) => toDiagnostic(f, lines, uri, version)) });
  }

  /**
   * The analysis a request about `doc` can use at once: the current version's, or for a paper short enough to
   * check within a request, a new one; a long paper whose check is still running gets none (the request answers
   * empty rather than wait).
   */
  private ready(doc: TextDocument): AnalysisResult | undefined {
    return this.cached(doc) ?? (doc.getText().length <= SYNC_ANALYSIS_MAX_CHARS ? this.analysis(doc) : undefined);
  }

  /** The analysis of the document's current version if it has been done. */
  private cached(doc: TextDocument): AnalysisResult | undefined {
    const entry = this.cache.get(doc.uri);
    return entry && entry.version === doc.version ? entry.result : undefined;
  }

  /** The analysis of the document's current version, cached per URI + version. */
  private analysis(doc: TextDocument): AnalysisResult {
    const cached = this.cached(doc);
    if (cached) return cached;
    const result = this.analyzeText(doc.uri, doc.getText());
    this.cache.set(doc.uri, { version: doc.version, result });
    return result;
  }

  /** Analyses a paper's text with the config, knowledge base and bibliography folder of its workspace folder. */
  private analyzeText(uri: string, text: string): AnalysisResult {
    return analyze(text, this.analyzeOptions(uri));
  }

  /** The config, knowledge base, bibliography reader and (for an open document) incremental cache of a paper. */
  private analyzeOptions(uri: string): AnalyzeOptions {
    const folder = this.folderOf(uri);
    const dir = dirOf(uri) ?? folder?.root;
    let cache = this.incremental.get(uri);
    if (!cache && this.documents.get(uri)) this.incremental.set(uri, (cache = new AnalysisCache()));
    return {
      cache,
      config: folder?.config ?? resolveConfig(rules, this.globalSettings),
      kb: folder?.setup.kb ?? this.empty.kb,
      readBibliography: dir ? this.files.bibliographyReader(dir) : undefined,
    };
  }

  /** Resolves a bibliography path named by the paper at `uri` to a file URI, as `analyzeText` reads it. */
  private bibliographyUri(uri: string): features.FileUri {
    const dir = dirOf(uri) ?? this.folderOf(uri)?.root;
    return (file) => (dir ? pathToFileURL(path.resolve(dir, file)).toString() : undefined);
  }

  private withDoc<T>(uri: string, fn: (result: AnalysisResult) => T): T | null {
    const doc = this.documents.get(uri);
    const result = doc && this.ready(doc);
    return result ? fn(result) : null;
  }

  private rename(uri: string, position: { line: number; character: number }, newName: string) {
    const doc = this.documents.get(uri);
    if (!doc) return null;
    let edit: ReturnType<typeof features.rename>;
    try {
      edit = features.rename(this.analysis(doc), doc.uri, doc.version, position, newName);
    } catch (e) {
      this.logError('rename', e);
      return null;
    }
    if (edit && 'error' in edit) return new ResponseError(ErrorCodes.InvalidParams, edit.error);
    return edit;
  }

  /** Defined acronyms across the open papers and the Markdown files of the workspace folders. */
  private workspaceSymbols(query: string): SymbolInformation[] {
    const q = query.toLowerCase();
    const out: SymbolInformation[] = [];
    const open = new Set<string>();
    const add = (uri: string, result: AnalysisResult) => {
      for (const d of features.definedAcronymsOf(result)) {
        if (q && !d.acronym.toLowerCase().includes(q) && !d.longForm.toLowerCase().includes(q)) continue;
        out.push({ name: d.acronym, kind: SymbolKind.Constant, containerName: d.longForm, location: { uri, range: result.paper.lines.range(d.range) } });
      }
    };
    for (const doc of this.documents.all()) {
      if (!this.lintable(doc)) continue;
      open.add(doc.uri);
      add(doc.uri, this.analysis(doc));
    }
    const roots = this.folders.map((f) => f.root).filter((r): r is string => !!r);
    for (const file of this.disk.list(roots)) {
      const uri = pathToFileURL(file).toString();
      if (open.has(uri)) continue;
      const result = this.disk.analyzeSync(file);
      if (result) add(uri, result);
    }
    return out.slice(0, 2000);
  }

  /** Checks papers (open ones from the editor's text, others from disk) and publishes their diagnostics. */
  private async checkFiles(uris: string[], token: CancellationToken): Promise<CheckFilesResult> {
    const counts = { error: 0, warning: 0, information: 0, hint: 0 };
    const failed: CheckFilesResult['failed'] = [];
    let checked = 0;
    for (const [i, uri] of uris.entries()) {
      if (token.isCancellationRequested) break;
      const open = this.documents.get(uri);
      let result: AnalysisResult | undefined;
      try {
        if (open) result = this.analysis(open);
        else if (uri.startsWith('file:')) result = await this.disk.analyze(fileURLToPath(uri));
        else failed.push({ uri, reason: 'not a file' });
      } catch (e) {
        failed.push({ uri, reason: (e as Error).message });
      }
      if (result) {
        checked++;
        for (const f of result.findings) counts[f.severity]++;
        const lines = result.paper.lines;
        const version = open?.version ?? 0;
        this.publish({ uri, ...(open ? { version } : {}), diagnostics: result.findings.map((f) => toDiagnostic(f, lines, uri, version)) });
      }
      this.connection.sendNotification(CHECK_FILES_PROGRESS, { done: i + 1, total: uris.length }).catch(() => undefined);
      // let hover and typing in between files
      await new Promise((r) => setImmediate(r));
    }
    return { checked, failed, counts };
  }

  private publish(params: PublishDiagnosticsParams): void {
    this.connection.sendDiagnostics(params).catch((e) => this.logError('publishDiagnostics', e));
  }

  // --- hover ------------------------------------------------------------------------------------------------

  private hover(p: HoverParams): Hover | null {
    const doc = this.documents.get(p.textDocument.uri);
    if (!doc || !this.lintable(doc)) return null;
    const result = this.ready(doc);
    if (!result) return null;
    const h = hoverAt(result, result.paper.lines.offsetAt(p.position));
    if (!h) return null;
    return { contents: { kind: 'markdown', value: h.markdown }, range: result.paper.lines.range(h.range) };
  }

  // --- code actions -----------------------------------------------------------------------------------------

  private codeActions(p: CodeActionParams): CodeAction[] {
    const doc = this.documents.get(p.textDocument.uri);
    if (!doc || !this.lintable(doc)) return [];
    const only = p.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      const ours = p.context.diagnostics.filter((d) => d.source === SOURCE && typeof d.code === 'string');
      for (const d of ours) actions.push(...this.quickFixes(d, doc));
      for (const ruleId of new Set(ours.map((d) => d.code as string))) {
        const all = this.fixAllEdits(doc, ruleId);
        if (!all || all.fixable < 2 || all.edits.length === 0) continue;
        const action = CodeAction.create(`Fix all ${ruleId} problems`, workspaceEdit(doc.uri, doc.version, all.edits), CodeActionKind.QuickFix);
        action.diagnostics = ours.filter((d) => d.code === ruleId);
        actions.push(action);
      }
    }
    // source.fixAll is computed only when asked for (on save, or from the Source Action menu)
    if (only && wants(FIX_ALL_KIND)) {
      const all = this.fixAllEdits(doc);
      if (all && all.edits.length > 0) actions.push(CodeAction.create('Fix all auto-fixable Policy Lint problems', workspaceEdit(doc.uri, doc.version, all.edits), FIX_ALL_KIND));
    }
    return actions;
  }

  /**
   * Quick fixes for one diagnostic, rebuilt from its `code` and `data`. Data of the current version gives a
   * version-checked edit. Data of another version is offered (as plain `changes`) only for fixes the current
   * text still has at the same place, so a stale range can never corrupt the text. Without data (a client that
   * does not round-trip it), the current finding of that rule at exactly that range supplies the fixes.
   */
  private quickFixes(d: Diagnostic, doc: TextDocument): CodeAction[] {
    const data = readDiagnosticData(d.data);
    if (data && data.version === doc.version) return quickFixActions(d, data.fixes, (fix) => workspaceEdit(doc.uri, doc.version, fix.edits));
    const result = this.analysis(doc);
    const lines = result.paper.lines;
    const current = result.findings.filter((f) => f.ruleId === d.code);
    if (data) {
      const valid = data.fixes.filter((fix) => current.some((f) => toFixData(f, lines).some((c) => sameFix(c, fix))));
      return quickFixActions(d, valid, (fix) => workspaceEdit(doc.uri, null, fix.edits));
    }
    const finding = current.find((f) => sameRange(lines.range(f.range), d.range));
    const fixes: FixData[] = finding ? toFixData(finding, lines) : [];
    return quickFixActions(d, fixes, (fix) => workspaceEdit(doc.uri, doc.version, fix.edits));
  }

  /**
   * Every certain fix (of one rule, or of all), computed from the document's current text, as non-overlapping
   * edits (a fix overlapping one already taken is skipped whole; the next run picks it up).
   */
  private fixAllEdits(doc: TextDocument, ruleId?: string) {
    const result = this.analysis(doc);
    const fixable = result.findings.filter((f) => (!ruleId || f.ruleId === ruleId) && f.fixes.some((x) => x.isSafe)).length;
    if (fixable === 0) return undefined;
    const applied = applyFixes(result.text, result.findings, { ruleId });
    const lines = new LineIndex(result.text);
    const edits = applied.edits.filter((e) => result.text.slice(e.range.start, e.range.end) !== e.newText).map((e) => toLspEdit(e, lines));
    return { fixable, applied: applied.applied, edits };
  }

  // --- commands ---------------------------------------------------------------------------------------------

  /** `policyLint.fixAll` with the document URI (a string, or `{ uri }`): applies every certain fix. */
  private async executeCommand(p: ExecuteCommandParams): Promise<{ applied: boolean; count: number } | null> {
    if (p.command !== FIX_ALL_COMMAND) return null;
    const arg = p.arguments?.[0];
    const uri = typeof arg === 'string' ? arg : typeof (arg as { uri?: unknown })?.uri === 'string' ? (arg as { uri: string }).uri : undefined;
    const doc = uri ? this.documents.get(uri) : undefined;
    if (!doc || !this.lintable(doc)) return { applied: false, count: 0 };
    const all = this.fixAllEdits(doc);
    if (!all || all.edits.length === 0) return { applied: true, count: 0 };
    const res = await this.connection.workspace.applyEdit({ label: 'Policy Lint: fix all', edit: workspaceEdit(doc.uri, doc.version, all.edits) });
    return { applied: res.applied, count: res.applied ? all.applied : 0 };
  }

  // --- robustness -------------------------------------------------------------------------------------------

  /** Runs a handler; an exception (or a rejected promise) is logged, never fatal. */
  private guard<T>(what: string, fn: () => T | Promise<T>, fallback: T): T | Promise<T> {
    try {
      const out = fn();
      if (out instanceof Promise) {
        return out.catch((e: unknown) => {
          this.logError(what, e);
          return fallback;
        });
      }
      return out;
    } catch (e) {
      this.logError(what, e);
      return fallback;
    }
  }

  /**
   * A request cancelled before its handler ran (the client moved on while it waited in the queue) is answered with
   * RequestCancelled at once, without doing the work.
   */
  private unlessCancelled<T>(token: CancellationToken, fn: () => T): T | ResponseError<void> {
    if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
    return fn();
  }

  private logError(what: string, e: unknown): void {
    try {
      this.connection.console.error(`policy-lint: ${what} failed: ${(e as Error)?.stack ?? String(e)}`);
    } catch {
      // the connection is gone; nothing left to tell
    }
  }
}

function fsPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

function dirOf(uri: string): string | undefined {
  const p = fsPath(uri);
  return p ? path.dirname(p) : undefined;
}

function isSeverity(v: unknown): v is SeveritySetting {
  return typeof v === 'string' && SEVERITIES.includes(v);
}

/** Settings → config. Entries of the wrong shape are dropped; option values are checked by resolveConfig. */
function toConfig(settings: PolicyLintSettings | null | undefined): PolicyLintConfig {
  const input = settings?.rules;
  if (!input || typeof input !== 'object' || Array.isArray(input)) return {};
  const out: NonNullable<PolicyLintConfig['rules']> = {};
  for (const [id, v] of Object.entries(input)) {
    if (isSeverity(v)) {
      out[id] = v;
    } else if (v && typeof v === 'object' && !Array.isArray(v)) {
      const { severity, options } = v as { severity?: unknown; options?: unknown };
      out[id] = {
        ...(isSeverity(severity) ? { severity } : {}),
        ...(options && typeof options === 'object' && !Array.isArray(options) ? { options: options as Record<string, unknown> } : {}),
      };
    }
  }
  return { rules: out };
}
