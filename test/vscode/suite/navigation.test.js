// Integration tests of the server's editor features through VS Code's own commands: go to definition, find
// references, rename, completion, semantic tokens, document and workspace symbols. Each test is skipped (with the
// reason printed) only while the server does not advertise the capability, so it runs as soon as it lands.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('./helpers');

/** Location | LocationLink → { uri, range } */
function target(loc) {
  return loc.targetUri ? { uri: loc.targetUri, range: loc.targetSelectionRange || loc.targetRange } : { uri: loc.uri, range: loc.range };
}

function labelOf(item) {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function insertedText(item) {
  if (item.insertText === undefined) return labelOf(item);
  return typeof item.insertText === 'string' ? item.insertText : item.insertText.value;
}

/** Decodes LSP/VS Code semantic tokens into { line, char, length, type, modifiers }. */
function decodeTokens(tokens, legend) {
  const out = [];
  let line = 0;
  let char = 0;
  const d = tokens.data;
  for (let i = 0; i + 5 <= d.length; i += 5) {
    line += d[i];
    char = d[i] === 0 ? char + d[i + 1] : d[i + 1];
    const modifiers = legend.tokenModifiers.filter((_, bit) => d[i + 4] & (1 << bit));
    out.push({ line, char, length: d[i + 2], type: legend.tokenTypes[d[i + 3]], modifiers });
  }
  return out;
}

describe('Policy Lint navigation and editing features (server)', function () {
  this.timeout(60000);

  let api;
  /** @type {vscode.TextDocument} navigation.md: "Port Data Exchange (PDEX)" defined once, used twice */
  let doc;
  let defLine;
  /** inside the first use of PDEX after its definition */
  let usePos;

  before(async function () {
    api = await h.activate();
    doc = await h.openPaper('navigation.md');
    defLine = h.positionOf(doc, '(PDEX)').line;
    usePos = h.positionOf(doc, 'The PDEX publishes', 0, 'The P'.length);
  });

  after(async function () {
    const paper = vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith('/paper.md'));
    if (paper) await vscode.window.showTextDocument(paper);
  });

  /** Every occurrence of PDEX in the document (definition first). */
  function pdexRanges() {
    const text = doc.getText();
    const out = [];
    for (let at = text.indexOf('PDEX'); at >= 0; at = text.indexOf('PDEX', at + 1)) out.push(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 4)));
    return out;
  }

  it('go to definition on an acronym leads to its defining occurrence', async function () {
    h.requireCapability(this, api, 'definitionProvider', 'go to definition');
    await vscode.window.showTextDocument(doc);
    const result = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', doc.uri, usePos);
    const targets = (result || []).map(target).filter((t) => t.uri.toString() === doc.uri.toString());
    assert.ok(targets.length >= 1, `a definition in navigation.md; got ${JSON.stringify(result)}`);
    const t = targets[0];
    assert.equal(t.range.start.line, defLine, 'the definition is on the line of "(PDEX)"');
    assert.match(doc.getText(t.range), /PDEX/);
  });

  it('find all references lists the definition and every use', async function () {
    h.requireCapability(this, api, 'referencesProvider', 'find references');
    const result = await vscode.commands.executeCommand('vscode.executeReferenceProvider', doc.uri, usePos);
    const refs = (result || []).filter((l) => l.uri.toString() === doc.uri.toString());
    const want = pdexRanges();
    assert.equal(refs.length, want.length, `3 references; got ${JSON.stringify(refs.map((r) => r.range))}`);
    for (const w of want) assert.ok(refs.some((r) => r.range.contains(w)), `a reference covers ${w.start.line}:${w.start.character}`);
  });

  it('renames an acronym across the paper, definition included', async function () {
    h.requireCapability(this, api, 'renameProvider', 'rename');
    const edit = await vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', doc.uri, usePos, 'PDX');
    assert.ok(edit, 'a workspace edit');
    const edits = edit.get(doc.uri);
    const want = pdexRanges();
    assert.equal(edits.length, want.length, `one edit per occurrence; got ${JSON.stringify(edits)}`);
    for (const w of want) {
      const e = edits.find((x) => x.range.isEqual(w));
      assert.ok(e, `an edit at ${w.start.line}:${w.start.character}`);
      assert.equal(e.newText, 'PDX');
    }
    assert.ok(edits.some((e) => e.range.start.line === defLine), 'the definition is renamed too');
  });

  it('completes acronyms: "Full Name (ACR)" at first use, "ACR" after', async function () {
    h.requireCapability(this, api, 'completionProvider', 'completion');
    const scratch = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: 'The Port Data Exchange (PDEX) links ports.\n\nTraders query the PD\n\nPartners of the IP',
    });
    try {
      await vscode.window.showTextDocument(scratch);
      const lines = scratch.lineCount;
      const atEnd = (line) => new vscode.Position(line, scratch.lineAt(line).text.length);
      const own = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', scratch.uri, atEnd(2));
      const pdex = own.items.find((i) => labelOf(i).includes('PDEX'));
      assert.ok(pdex, `PDEX is offered; got ${own.items.slice(0, 30).map(labelOf).join(', ')}`);
      assert.equal(insertedText(pdex), 'PDEX', 'the paper defines PDEX already: the acronym alone');

      const kb = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', scratch.uri, atEnd(lines - 1));
      const ipef = kb.items.find((i) => labelOf(i).includes('IPEF'));
      assert.ok(ipef, `IPEF (knowledge base) is offered; got ${kb.items.slice(0, 30).map(labelOf).join(', ')}`);
      assert.match(insertedText(ipef), /Indo-Pacific Economic Framework.*\(IPEF\)/, 'first use: "Full Name (IPEF)"');
    } finally {
      await vscode.window.showTextDocument(scratch);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('provides semantic tokens for acronyms', async function () {
    h.requireCapability(this, api, 'semanticTokensProvider', 'semantic tokens');
    await vscode.window.showTextDocument(doc);
    const legend = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokensLegend', doc.uri);
    const tokens = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', doc.uri);
    assert.ok(legend && legend.tokenTypes.length > 0, 'a legend');
    assert.ok(tokens && tokens.data.length > 0, 'some tokens');
    const decoded = decodeTokens(tokens, legend);
    for (const r of pdexRanges()) {
      assert.ok(
        decoded.some((t) => t.line === r.start.line && t.char === r.start.character && t.length === 4),
        `a token on PDEX at ${r.start.line}:${r.start.character}; got ${JSON.stringify(decoded.filter((t) => t.line === r.start.line))}`,
      );
    }
  });

  it('lists the section outline as document symbols', async function () {
    h.requireCapability(this, api, 'documentSymbolProvider', 'document symbols');
    // through the client: VS Code's built-in Markdown extension also provides heading symbols
    const symbols = await api.client.sendRequest('textDocument/documentSymbol', { textDocument: { uri: doc.uri.toString() } });
    const names = [];
    const walk = (list) => {
      for (const s of list || []) {
        names.push(s.name);
        walk(s.children);
      }
    };
    walk(symbols);
    for (const heading of ['Background', 'Operations']) assert.ok(names.some((n) => n.includes(heading)), `${heading} in ${JSON.stringify(names)}`);
  });

  it('finds defined acronyms as workspace symbols', async function () {
    h.requireCapability(this, api, 'workspaceSymbolProvider', 'workspace symbols');
    const symbols = await vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', 'PDEX');
    const hit = (symbols || []).find((s) => s.name.includes('PDEX') && s.location.uri.toString() === doc.uri.toString());
    assert.ok(hit, `PDEX in navigation.md; got ${JSON.stringify((symbols || []).map((s) => [s.name, s.location.uri.path]))}`);
    assert.equal(hit.location.range.start.line, defLine);
  });
});
