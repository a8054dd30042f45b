// The Markdown injection grammar (syntaxes/policy-lint.injection.tmLanguage.json): tokenized with vscode-textmate
// and vscode-oniguruma (the engine VS Code uses), injected into the real Markdown grammar (VS Code's, from the
// tm-grammars package) and into a minimal host grammar, the way VS Code injects it (`injectTo`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { beforeAll, describe, expect, it } from 'vitest';
import { GRAMMAR_FILE, SCOPE_NAME, grammarText } from '../../scripts/gen-grammar';

const root = join(__dirname, '..', '..');
const S = '.policy-lint';
const injection = JSON.parse(readFileSync(join(root, GRAMMAR_FILE), 'utf8'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** The smallest host that has what the selector cares about: fenced code and inline code. */
const MINIMAL_MARKDOWN = {
  scopeName: 'text.html.markdown',
  patterns: [
    { begin: '^```', end: '^```', name: 'markup.fenced_code.block.markdown' },
    { match: '`[^`]*`', name: 'markup.inline.raw.string.markdown' },
  ],
};

interface Token {
  text: string;
  scopes: string[];
}

let onigReady: Promise<void> | undefined;
function loadOniguruma(): Promise<void> {
  const wasm = readFileSync(join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  onigReady ??= oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  return onigReady;
}

async function markdownWithInjection(host: object): Promise<textmate.IGrammar> {
  await loadOniguruma();
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName === 'text.html.markdown') return host as textmate.IRawGrammar;
      if (scopeName === SCOPE_NAME) return injection as textmate.IRawGrammar;
      return null; // embedded languages (fenced code, HTML, YAML front matter) are not needed here
    },
    // what VS Code derives from `contributes.grammars[].injectTo`
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? [SCOPE_NAME] : undefined),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  if (!grammar) throw new Error('the Markdown grammar did not load');
  return grammar;
}

function tokenize(grammar: textmate.IGrammar, text: string): Token[] {
  let state = textmate.INITIAL;
  const out: Token[] = [];
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    for (const t of r.tokens) out.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
  }
  return out;
}

/** Policy Lint scopes of the (first) token whose text is exactly `text`. */
function scopesOf(tokens: Token[], text: string, nth = 0): string[] {
  const matches = tokens.filter((t) => t.text === text);
  const t = matches[nth];
  if (!t) throw new Error(`no token ${JSON.stringify(text)}; tokens: ${tokens.map((x) => JSON.stringify(x.text)).join(' ')}`);
  return t.scopes.filter((s) => s.endsWith(S));
}

function ours(tokens: Token[]): Token[] {
  return tokens.filter((t) => t.scopes.some((s) => s.endsWith(S)));
}

describe('the injection grammar file', () => {
  it('is exactly what scripts/gen-grammar.ts generates (run `npx tsx scripts/gen-grammar.ts` after editing it)', () => {
    expect(readFileSync(join(root, GRAMMAR_FILE), 'utf8')).toBe(grammarText());
  });

  it('is an injection into Markdown, not a replacement grammar', () => {
    expect(injection.scopeName).toBe(SCOPE_NAME);
    expect(injection.scopeName).not.toBe('text.html.markdown');
    expect(injection.injectionSelector).toMatch(/^L:text\.html\.markdown /);
    const entries = pkg.contributes.grammars as { scopeName: string; path: string; injectTo?: string[]; language?: string }[];
    const entry = entries.find((g) => g.scopeName === SCOPE_NAME);
    expect(entry, 'contributes.grammars has the injection').toBeDefined();
    expect(entry!.injectTo).toEqual(['text.html.markdown']);
    expect(entry!.language, 'a `language` would make it the Markdown grammar').toBeUndefined();
    expect(join(root, entry!.path)).toBe(join(root, GRAMMAR_FILE));
  });
});

describe.each([
  ['the real Markdown grammar (tm-grammars)', () => JSON.parse(readFileSync(join(root, 'node_modules', 'tm-grammars', 'grammars', 'markdown.json'), 'utf8'))],
  ['a minimal host grammar', () => MINIMAL_MARKDOWN],
])('tokens injected into %s', (_name, host) => {
  let grammar: textmate.IGrammar;
  beforeAll(async () => {
    grammar = await markdownWithInjection(host());
  });

  it('author–year: (Smith, 2020)', () => {
    const t = tokenize(grammar, 'Trade grew (Smith, 2020).');
    const meta = `meta.citation.author-year.parenthetical${S}`;
    expect(scopesOf(t, '(')).toEqual([meta, `punctuation.definition.citation.begin${S}`]);
    expect(scopesOf(t, 'Smith')).toEqual([meta, `entity.name.type.author.citation${S}`]);
    expect(scopesOf(t, '2020')).toEqual([meta, `constant.numeric.year.citation${S}`]);
    expect(scopesOf(t, ')')).toEqual([meta, `punctuation.definition.citation.end${S}`]);
    expect(scopesOf(t, 'Trade grew ')).toEqual([]);
    expect(scopesOf(t, '.')).toEqual([]);
  });

  it('author–year with several items, et al., a year suffix and a locator', () => {
    const t = tokenize(grammar, 'Others disagree (Smith and Jones 2021; Lee et al., 2020a, p. 4) strongly.');
    const meta = `meta.citation.author-year.parenthetical${S}`;
    expect(scopesOf(t, 'Smith')).toEqual([meta, `entity.name.type.author.citation${S}`]);
    expect(scopesOf(t, 'and')).toEqual([meta, `keyword.other.conjunction.citation${S}`]);
    expect(scopesOf(t, 'Jones')).toEqual([meta, `entity.name.type.author.citation${S}`]);
    expect(scopesOf(t, '2021')).toEqual([meta, `constant.numeric.year.citation${S}`]);
    expect(scopesOf(t, ';')).toEqual([meta, `punctuation.separator.citation${S}`]);
    expect(scopesOf(t, 'Lee')).toEqual([meta, `entity.name.type.author.citation${S}`]);
    expect(scopesOf(t, 'et al.')).toEqual([meta, `keyword.other.et-al.citation${S}`]);
    expect(scopesOf(t, '2020a')).toEqual([meta, `constant.numeric.year.citation${S}`]);
    expect(scopesOf(t, 'p. 4')).toEqual([meta, `constant.other.locator.citation${S}`]);
    expect(scopesOf(t, ' strongly.')).toEqual([]);
  });

  it('author–year: organisations, prefixes and n.d.', () => {
    const t = tokenize(grammar, 'As shown (see ASEAN Secretariat, 2023; World Bank, n.d.).');
    const meta = `meta.citation.author-year.parenthetical${S}`;
    expect(scopesOf(t, 'see')).toEqual([meta, `keyword.other.prefix.citation${S}`]);
    expect(scopesOf(t, 'ASEAN Secretariat')).toEqual([meta, `entity.name.type.author.citation${S}`]);
    expect(scopesOf(t, 'World Bank')).toEqual([meta, `entity.name.type.author.citation${S}`]);
    expect(scopesOf(t, 'n.d.')).toEqual([meta, `constant.numeric.year.citation${S}`]);
  });

  it('narrative author–year: Smith (2020), Lee and Park (2022), Smith et al. (2019, p. 12)', () => {
    const t = tokenize(grammar, 'As Smith (2020) shows, Lee and Park (2022) agree and Müller et al. (2019, p. 12) doubt.');
    const meta = `meta.citation.author-year.narrative${S}`;
    expect(scopesOf(t, 'As ')).toEqual([]);
    expect(scopesOf(t, 'Smith')).toEqual([meta, `entity.name.type.author.citation${S}`]);
    expect(scopesOf(t, '2020')).toEqual([meta, `constant.numeric.year.citation${S}`]);
    expect(scopesOf(t, 'Lee')).toEqual([meta, `entity.name.type.author.citation${S}`]);
    expect(scopesOf(t, 'and', 0)).toEqual([meta, `keyword.other.conjunction.citation${S}`]);
    expect(scopesOf(t, 'Park')).toEqual([meta, `entity.name.type.author.citation${S}`]);
    expect(scopesOf(t, 'Müller')).toEqual([meta, `entity.name.type.author.citation${S}`]);
    expect(scopesOf(t, 'et al.')).toEqual([meta, `keyword.other.et-al.citation${S}`]);
    expect(scopesOf(t, 'p. 12')).toEqual([meta, `constant.other.locator.citation${S}`]);
  });

  it('Pandoc: [@key] and [see @a; -@b, p. 3]', () => {
    const t = tokenize(grammar, 'Pandoc [@doe2020] and [see @a; -@b, p. 3] here.');
    const meta = `meta.citation.pandoc${S}`;
    expect(scopesOf(t, '[')).toEqual([meta, `punctuation.definition.citation.begin${S}`]);
    expect(scopesOf(t, '@')).toEqual([meta, `punctuation.definition.citation-key${S}`]);
    expect(scopesOf(t, 'doe2020')).toEqual([meta, `variable.other.citation-key${S}`]);
    expect(scopesOf(t, ']')).toEqual([meta, `punctuation.definition.citation.end${S}`]);
    expect(scopesOf(t, 'a')).toEqual([meta, `variable.other.citation-key${S}`]);
    expect(scopesOf(t, ';')).toEqual([meta, `punctuation.separator.citation${S}`]);
    expect(scopesOf(t, '-')).toEqual([meta, `keyword.operator.suppress-author.citation${S}`]);
    expect(scopesOf(t, 'b')).toEqual([meta, `variable.other.citation-key${S}`]);
    expect(scopesOf(t, 'p. 3')).toEqual([meta, `constant.other.locator.citation${S}`]);
  });

  it('Pandoc narrative @key, but not an e-mail address', () => {
    const t = tokenize(grammar, '@smith04 says so; write to a.b@example.org or @{10.1000/xyz}.');
    const meta = `meta.citation.pandoc.narrative${S}`;
    expect(scopesOf(t, 'smith04')).toEqual([meta, `variable.other.citation-key${S}`]);
    expect(ours(t).map((x) => x.text)).toEqual(['@', 'smith04', '@', '{10.1000/xyz}']);
  });

  it('footnote references [^1] and definitions [^note]:', () => {
    const t = tokenize(grammar, 'A claim.[^1] Another.[^long-note]\n\n[^1]: The note.');
    expect(scopesOf(t, '1')).toEqual([`meta.footnote.reference${S}`, `constant.other.reference.footnote${S}`]);
    expect(scopesOf(t, '[^')).toEqual([`meta.footnote.reference${S}`, `punctuation.definition.footnote.begin${S}`]);
    expect(scopesOf(t, 'long-note')).toEqual([`meta.footnote.reference${S}`, `constant.other.reference.footnote${S}`]);
    expect(scopesOf(t, '1', 1)).toEqual([`meta.footnote.definition${S}`, `entity.name.label.footnote${S}`]);
    expect(scopesOf(t, ':')).toEqual([`meta.footnote.definition${S}`, `punctuation.separator.key-value${S}`]);
  });

  it.each([
    ['<!-- policy-lint-disable acronym/misspelled, acronym/undefined -->', 'policy-lint-disable', ['acronym/misspelled', 'acronym/undefined']],
    ['<!-- policy-lint-enable acronym/misspelled -->', 'policy-lint-enable', ['acronym/misspelled']],
    ['<!-- policy-lint-disable-next-line acronym -->', 'policy-lint-disable-next-line', ['acronym']],
    ['<!-- policy-lint-disable-line -->', 'policy-lint-disable-line', []],
    ['  <!-- policy-lint-disable-file citation/uncited-claim -->', 'policy-lint-disable-file', ['citation/uncited-claim']],
  ])('disable comment %s', (line, keyword, ruleIds) => {
    const t = tokenize(grammar, line);
    const meta = `comment.block.html.directive${S}`;
    expect(scopesOf(t, '<!--')).toEqual([meta]);
    expect(scopesOf(t, keyword)).toEqual([meta, `keyword.control.directive${S}`]);
    for (const id of ruleIds) expect(scopesOf(t, id)).toEqual([meta, `constant.other.rule-id${S}`]);
    expect(scopesOf(t, '-->')).toEqual([meta]);
  });

  it('leaves code, plain comments, dates and links alone', () => {
    const text = [
      'Inline `(Smith, 2020) [@key] [^1]` code.',
      '```',
      '(Smith, 2020) [@key] @key [^1] <!-- policy-lint-disable -->',
      '```',
      '<!-- an ordinary comment -->',
      'Launched in Tokyo (May 2022) and in March 2023 (Smith, 2023 was wrong).',
    ].join('\n');
    expect(ours(tokenize(grammar, text))).toEqual([]);
  });
});

describe('with the real Markdown grammar', () => {
  let grammar: textmate.IGrammar;
  beforeAll(async () => {
    grammar = await markdownWithInjection(JSON.parse(readFileSync(join(root, 'node_modules', 'tm-grammars', 'grammars', 'markdown.json'), 'utf8')));
  });

  it('keeps Markdown’s own scopes around the citations (headings, bold, lists)', () => {
    const t = tokenize(grammar, '## Results (Smith, 2020)\n\n- **Bold** claim (OECD, 2022)');
    expect(t.find((x) => x.text === 'Smith')!.scopes).toEqual(expect.arrayContaining(['text.html.markdown', 'markup.heading.markdown', `entity.name.type.author.citation${S}`]));
    expect(t.find((x) => x.text === 'Bold')!.scopes).toContain('markup.bold.markdown');
    expect(t.find((x) => x.text === 'OECD')!.scopes).toEqual(expect.arrayContaining(['markup.list.unnumbered.markdown', `entity.name.type.author.citation${S}`]));
  });

  it('leaves links alone: [text](url@x) and [@x](url) are links, [@x]: url a link definition', () => {
    const text = 'See [the text](https://example.org/a@b) and [@x](https://example.org).\n\n[@y]: https://example.org';
    expect(ours(tokenize(grammar, text))).toEqual([]);
  });

  it('highlights every in-text citation of the example paper and nothing in its code', () => {
    const text = readFileSync(join(root, 'examples', 'trade-frameworks-paper.md'), 'utf8');
    const t = tokenize(grammar, text);
    const authors = t.filter((x) => x.scopes.includes(`entity.name.type.author.citation${S}`)).map((x) => x.text);
    for (const a of ['Tanaka', 'Lee', 'Park', 'Okafor', 'Lim', 'ASEAN Secretariat', 'OECD', 'Sato', 'World Bank']) expect(authors).toContain(a);
    expect(t.filter((x) => x.scopes.includes(`meta.footnote.reference${S}`) && /^\d+$/.test(x.text)).map((x) => x.text)).toEqual(['1', '2', '3']);
  });
});
