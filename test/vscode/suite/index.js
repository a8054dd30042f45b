// extensionTestsPath entry: runs test/vscode/suite/**/*.test.js with mocha (bdd) inside the extension host.
// Prints `N passed, N failed` itself (mocha's own summary says "N passing") and writes the same counts to
// $POLICY_LINT_TEST_RESULTS for runTest.js.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');
const { glob } = require('glob');

async function run() {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec' });
  const files = await glob('**/*.test.js', { cwd: __dirname });
  for (const f of files.sort()) mocha.addFile(path.resolve(__dirname, f));

  await new Promise((resolve, reject) => {
    let runner;
    try {
      runner = mocha.run((failures) => {
        const passed = runner.stats ? runner.stats.passes : 0;
        console.log(`${passed} passed, ${failures} failed`);
        const out = process.env.POLICY_LINT_TEST_RESULTS;
        if (out) fs.writeFileSync(out, JSON.stringify({ passed, failed: failures }));
        if (failures > 0) reject(new Error(`${failures} tests failed.`));
        else resolve();
      });
    } catch (err) {
      console.error(err);
      reject(err);
    }
  });
}

module.exports = { run };
