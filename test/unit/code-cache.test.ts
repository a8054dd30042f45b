// bin/policy-lint.js loads the CLI bundle with V8's code cache (dist/cli.js.cache, written by scripts/build.mjs):
// used only when made from the very same file and intact, otherwise the file is compiled from its source, with the
// same result. Each load runs in a child process (the bin sets V8 flags, and a process compiles a script only once).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'policy-lint.js');

const LOAD = `
  const bin = require(process.env.BIN);
  const r = bin.loadWithCodeCache(process.env.MOD, process.env.CACHE);
  console.log(JSON.stringify({ used: r.cacheUsed, value: r.exports.value(), file: r.exports.file, main: r.exports.main, sep: r.exports.sep }));`;
const WRITE = `
  const bin = require(process.env.BIN);
  const r = bin.loadWithCodeCache(process.env.MOD);
  r.exports.value();
  bin.writeCodeCache(process.env.MOD, process.env.CACHE, r.script);`;

function node(code: string, env: Record<string, string>, execArgv: string[] = []) {
  const r = spawnSync(process.execPath, [...execArgv, '-e', code], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BIN, ...env } });
  if (r.status !== 0) throw new Error(`child failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

const moduleSource = (factor: number) =>
  [
    "'use strict';",
    "const path = require('node:path');",
    `exports.value = () => [1, 2, 3].map((x) => x * ${factor}).join(',');`,
    'exports.file = path.basename(__filename) + " in " + path.basename(__dirname);',
    'exports.main = require.main === module;',
    'exports.sep = path.sep;',
    '',
  ].join('\n');

describe('the CLI code cache', () => {
  let dir: string;
  let env: Record<string, string>;
  const load = () => JSON.parse(node(LOAD, env)) as { used: boolean; value: string; file: string; main: boolean; sep: string };
  const write = (execArgv: string[] = []) => node(WRITE, env, execArgv);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pl-code-cache-'));
    env = { MOD: join(dir, 'mod.js'), CACHE: join(dir, 'mod.js.cache') };
    writeFileSync(env.MOD, moduleSource(2));
  });

  const expected = (value: string) => ({ value, file: `mod.js in ${dir.split(/[\\/]/).pop()}`, main: false, sep: require('node:path').sep });

  it('loads a module like require, with no cache file', () => {
    expect(load()).toEqual({ used: false, ...expected('2,4,6') });
  });

  it('uses a cache made from the same file', () => {
    write();
    expect(existsSync(env.CACHE)).toBe(true);
    expect(load()).toEqual({ used: true, ...expected('2,4,6') });
  });

  it('ignores a stale cache, made from another file of the same length', () => {
    write();
    writeFileSync(env.MOD, moduleSource(3));
    expect(load()).toEqual({ used: false, ...expected('3,6,9') });
  });

  it('ignores a corrupt cache: damaged copy of the source, damaged V8 data, garbage, truncated, empty', () => {
    write();
    const good = readFileSync(env.CACHE);
    const damaged = (at: number) => {
      const b = Buffer.from(good);
      for (let i = at; i < at + 16; i++) b[i] ^= 0xff;
      return b;
    };
    const copyStart = good.indexOf(10) + 1;
    const dataStart = copyStart + readFileSync(env.MOD).length;
    const variants = [damaged(copyStart + 10), damaged(dataStart + Math.floor((good.length - dataStart) / 2)), damaged(good.length - 20)];
    variants.push(Buffer.from('garbage\n'.repeat(1000)), good.subarray(0, good.length - 100), good.subarray(0, dataStart), good.subarray(0, copyStart), Buffer.alloc(0));
    for (const bad of variants) {
      writeFileSync(env.CACHE, bad);
      expect(load()).toEqual({ used: false, ...expected('2,4,6') });
    }
  });

  it('falls back when V8 rejects the cache (made under other V8 flags)', () => {
    write(['--interrupt-budget=100000']);
    expect(load()).toEqual({ used: false, ...expected('2,4,6') });
  });

  it('is written by the build for the CLI bundle, and used by bin/policy-lint.js', () => {
    const used = node('const bin = require(process.env.BIN); console.log(bin.loadWithCodeCache(bin.CLI, bin.CODE_CACHE).cacheUsed)', {});
    expect(used.trim(), 'dist/cli.js.cache missing or rejected: run `npm run build` with this Node').toBe('true');
  });
});
