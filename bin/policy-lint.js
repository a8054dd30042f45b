#!/usr/bin/env node
'use strict';
// V8 tuning for a short-lived process, set before any code of the CLI runs (measured on a 60 KB paper: cold start
// about a quarter faster; neutral on 1 MB and 5 MB papers):
// - each regular expression is compiled to machine code on its first use, instead of to bytecode first and to
//   machine code again on its second use (the analysis uses some 300, most of them a few hundred times);
// - a function is optimised only after 16 times the usual amount of work in it: the optimising compiler's jobs
//   for the many briefly warm functions cost more than they save in a run this short, the really hot ones still
//   get optimised.
// Flags given by the user (node --… or NODE_OPTIONS) win.
const given = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
for (const [name, flag] of [
  ['regexp-tier-up', '--no-regexp-tier-up'],
  ['interrupt-budget', '--interrupt-budget=1081344'],
]) {
  if (!given.includes(name)) require('v8').setFlagsFromString(flag);
}
// V8 checks the integrity of a code cache only with this flag (it may crash on damaged data without it)
require('v8').setFlagsFromString('--verify-snapshot-checksum');

const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const CLI = path.join(__dirname, '..', 'dist', 'cli.js');
/**
 * V8's code cache for the CLI bundle (written by scripts/build.mjs after a run on the examples): the bytecode of the
 * functions a check runs, so that they are not parsed and compiled again on every start.
 */
const CODE_CACHE = `${CLI}.cache`;

/**
 * A code cache file is this header, then a copy of the file it was made from (V8 itself checks only that the source
 * has the same length: it would run the old code of a changed file), then V8's data.
 */
const cacheHeader = (source) => `policy-lint code cache ${source.length}\n`;

/**
 * Loads a CommonJS file like `require` does, with V8's code cache from `cacheFile` when that was made from this very
 * file (same content; V8 also rejects a damaged cache, or one from another Node version or other flags). A missing,
 * stale, corrupt or rejected cache only costs the time of compiling from the source. Returns the module's exports and
 * its script (for `writeCodeCache`).
 */
function loadWithCodeCache(file, cacheFile) {
  const source = fs.readFileSync(file);
  let cachedData;
  if (cacheFile) {
    try {
      const cache = fs.readFileSync(cacheFile);
      const header = cacheHeader(source);
      const copy = cache.subarray(header.length, header.length + source.length);
      if (cache.length > header.length + source.length && cache.toString('latin1', 0, header.length) === header && copy.equals(source)) {
        cachedData = cache.subarray(header.length + source.length);
      }
    } catch {
      // no cache: compiled from the source
    }
  }
  const script = new vm.Script(Module.wrap(source.toString('utf8')), { filename: file, cachedData });
  const m = new Module(file, module);
  m.filename = file;
  require.cache[file] = m;
  try {
    script.runInThisContext().call(m.exports, m.exports, Module.createRequire(file), m, file, path.dirname(file));
  } catch (e) {
    delete require.cache[file];
    throw e;
  }
  m.loaded = true;
  return { exports: m.exports, script, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

/** Writes the code cache of a script loaded by `loadWithCodeCache` (best after running it: it then holds more). */
function writeCodeCache(file, cacheFile, script) {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    const source = fs.readFileSync(file);
    fs.writeFileSync(tmp, Buffer.concat([Buffer.from(cacheHeader(source), 'latin1'), source, script.createCachedData()]));
    fs.renameSync(tmp, cacheFile);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

module.exports = { CLI, CODE_CACHE, loadWithCodeCache, writeCodeCache };

if (require.main === module) loadWithCodeCache(CLI, CODE_CACHE).exports.main();
