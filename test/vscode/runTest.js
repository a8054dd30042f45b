// Runs the VS Code integration suite (test/vscode/suite) in a real VS Code through @vscode/test-electron.
// Offline: set VSCODE_EXECUTABLE to the stand-in from ../shared/tools/vscode-offline (DIR/code); without it,
// runTests() downloads VS Code as usual. Exit code 0 = all passed, 1 = failures or a harness error.
// The last line printed is always `N passed, N failed` (CI parses it).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { runTests } = require('@vscode/test-electron');

const root = path.resolve(__dirname, '..', '..');
const testDir = path.join(root, '.vscode-test');
// The tests change workspace settings (.vscode/settings.json) and edit the paper in memory: run them on a
// fresh copy of test/vscode/workspace so the checked-in fixture never changes.
const workspaceSource = path.join(__dirname, 'workspace');
const workspaceCopy = path.join(testDir, 'workspace');
const resultsFile = path.join(testDir, 'vscode-results.json');

async function main() {
  fs.mkdirSync(testDir, { recursive: true });
  fs.rmSync(workspaceCopy, { recursive: true, force: true });
  fs.cpSync(workspaceSource, workspaceCopy, { recursive: true });
  fs.rmSync(resultsFile, { force: true });

  if (!fs.existsSync(path.join(root, 'dist', 'client.js'))) {
    console.error('dist/client.js is missing: run `npm run build` first.');
  }

  let harnessError;
  try {
    await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      // POLICY_LINT_EXTENSION_PATH: run the suite against another copy of the extension (runVsixTest.js: the .vsix)
      extensionDevelopmentPath: process.env.POLICY_LINT_EXTENSION_PATH || root,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      extensionTestsEnv: { POLICY_LINT_TEST_RESULTS: resultsFile },
      launchArgs: [workspaceCopy, '--disable-extensions', '--disable-workspace-trust'],
    });
  } catch (err) {
    harnessError = err;
  }

  let results;
  try {
    results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch {
    results = undefined;
  }
  if (!results) {
    console.error(`VS Code test run did not report results${harnessError ? `: ${harnessError.message}` : ''}`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  if (harnessError && results.failed === 0) {
    console.error(`VS Code test run failed: ${harnessError.message}`);
    results.failed = 1;
  }
  console.log(`${results.passed} passed, ${results.failed} failed`);
  return results.failed === 0 && !harnessError ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
