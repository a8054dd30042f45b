// Bundles the client, the server and the CLI with esbuild (type-checking is `npm run typecheck`), then writes V8's
// code cache for the CLI bundle.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

const entries = [
  { in: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'] },
  { in: 'server/src/server/main.ts', out: 'dist/server.js' },
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js' },
].filter((e) => existsSync(e.in));

// a cache from an earlier bundle is never used (bin/policy-lint.js checks its header), but do not leave it behind
rmSync('dist/cli.js.cache', { force: true });

await Promise.all(
  entries.map((e) => build({ ...common, entryPoints: [e.in], outfile: e.out, external: e.external ?? [] })),
);

// The CLI's code cache (dist/cli.js.cache, not shipped in the .vsix): bin/policy-lint.js checks the example papers
// with the bundle, then saves the bytecode of every function that ran, so that a later start skips compiling them
// (in a child process: the cache must be made under the V8 flags bin/policy-lint.js sets). A CLI without the cache
// still works, only starts slower: a failure here is a warning.
if (existsSync('dist/cli.js')) {
  const papers = ['examples/trade-frameworks-paper.md', 'examples/clean-paper.md'].filter((p) => existsSync(p));
  const warm = `
    const bin = require('./bin/policy-lint.js');
    const { exports: cli, script } = bin.loadWithCodeCache(bin.CLI);
    cli.run(JSON.parse(process.env.PAPERS), () => {}, () => {}, false, {});
    bin.writeCodeCache(bin.CLI, bin.CODE_CACHE, script);`;
  const r = spawnSync(process.execPath, ['-e', warm], { env: { ...process.env, PAPERS: JSON.stringify(papers) }, encoding: 'utf8' });
  if (r.status !== 0) console.warn(`warning: no code cache for the CLI (it starts slower): ${r.stderr || r.error || `exit ${r.status}`}`);
}
