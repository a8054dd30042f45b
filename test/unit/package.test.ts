// The extension manifest and the .vsix contents: what `npm run package` ships (through @vscode/vsce's own file
// listing), the icon, the contributions the client code relies on.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const c = pkg.contributes;

describe('the .vsix', () => {
  it('ships only the bundles, the grammar, the schema, the icon, README, CHANGELOG and LICENSE', async () => {
    const vsce = (await import('@vscode/vsce')) as unknown as { listFiles(o: { cwd: string; dependencies: boolean }): Promise<string[]> };
    const files = (await vsce.listFiles({ cwd: root, dependencies: false })).map((f) => f.replace(/\\/g, '/')).sort();
    const expected = [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/client.js',
      'dist/server.js',
      'images/icon.png',
      'package.json',
      'schemas/policylint.schema.json',
      'syntaxes/policy-lint.injection.tmLanguage.json',
    ].filter((f) => existsSync(join(root, f))); // dist/ exists once built
    expect(files).toEqual(expected.sort());
  }, 60000);

  it('is packaged without dependencies (everything is bundled) by vsce 3', () => {
    expect(pkg.scripts.package).toBe('vsce package --no-dependencies');
    expect(pkg.scripts['vscode:prepublish']).toMatch(/build\.mjs --production/);
    expect(pkg.devDependencies['@vscode/vsce']).toMatch(/^\^3\./);
    // the client and the server are esbuild bundles: the .vsix needs nothing from node_modules
    expect(pkg.main).toBe('./dist/client.js');
    expect(readFileSync(join(root, 'scripts', 'build.mjs'), 'utf8')).toMatch(/bundle: true/);
  });

  it('has a 128×128 PNG icon, a licence, a changelog entry for this version and a repository', () => {
    const png = PNG.sync.read(readFileSync(join(root, pkg.icon)));
    expect([png.width, png.height]).toEqual([128, 128]);
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License[\s\S]*Policy Lint contributors/);
    expect(readFileSync(join(root, 'CHANGELOG.md'), 'utf8')).toContain(`## [${pkg.version}]`);
    expect(pkg.license).toBe('MIT');
    expect(pkg.repository.url).toMatch(/^https:\/\//);
    expect(pkg.galleryBanner.color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(pkg.categories).toContain('Linters');
  });
});

describe('package.json contributions', () => {
  it('declares the workspace-trust and virtual-workspace capabilities', () => {
    expect(pkg.capabilities.untrustedWorkspaces.supported).toBe('limited');
    expect(pkg.capabilities.untrustedWorkspaces.description).toMatch(/only from inside the workspace folders/);
    expect(pkg.capabilities.virtualWorkspaces.supported).toBe(false);
    expect(pkg.capabilities.virtualWorkspaces.description).toBeTruthy();
  });

  it('contributes the Paper overview view in the Explorer, with welcome content for each state', () => {
    const view = c.views.explorer.find((v: { id: string }) => v.id === 'policyLint.overview');
    expect(view).toMatchObject({ name: 'Paper Overview', when: 'policyLint.paperActive' });
    const states = c.viewsWelcome.filter((w: { view: string }) => w.view === 'policyLint.overview').map((w: { when: string }) => w.when);
    for (const s of ['none', 'loading', 'stopped', 'unsupported', 'error']) expect(states).toContain(`policyLint.overviewState == ${s}`);
  });

  it('declares every command the menus and welcome texts use, with a category', () => {
    const declared = new Set(c.commands.map((x: { command: string }) => x.command));
    for (const id of ['policyLint.fixAllInEditor', 'policyLint.restartServer', 'policyLint.checkWorkspace', 'policyLint.overview.refresh']) {
      expect(declared.has(id), id).toBe(true);
    }
    for (const x of c.commands) expect(x.category).toBe('Policy Lint');
    const used = [
      ...Object.values(c.menus as Record<string, { command: string }[]>).flat().map((m) => m.command),
      ...c.viewsWelcome.flatMap((w: { contents: string }) => [...w.contents.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1])),
    ];
    for (const id of used) expect(declared.has(id), id).toBe(true);
  });

  it('activates on Markdown and on a Policy Lint config file', () => {
    expect(pkg.activationEvents).toEqual(['onLanguage:markdown', 'workspaceContains:**/.policylint.{yaml,yml,json}']);
  });

  it('targets a VS Code the offline test build (1.100) can load', () => {
    const [major, minor] = pkg.engines.vscode.replace(/^\^/, '').split('.').map(Number);
    expect(major).toBe(1);
    expect(minor).toBeLessThanOrEqual(100);
  });
});
