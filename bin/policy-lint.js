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
require('../dist/cli.js').main();
