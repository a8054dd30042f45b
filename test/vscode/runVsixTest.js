// Runs the VS Code integration suite against the packaged extension: builds the .vsix (`npm run package`) unless
// POLICY_LINT_VSIX names one, unpacks its `extension/` folder into .vscode-test/vsix/ and loads that folder as the
// extension under test (through runTest.js), so the tests see exactly what the .vsix ships: the production
// bundles, package.json, the grammar, the schema. Same output and exit code as runTest.js.
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const yauzl = require('yauzl'); // a dependency of @vscode/vsce

const root = path.resolve(__dirname, '..', '..');
const target = path.join(root, '.vscode-test', 'vsix');

function unzipExtension(vsix, dir) {
  return new Promise((resolve, reject) => {
    yauzl.open(vsix, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on('error', reject);
      zip.on('end', resolve);
      zip.on('entry', (entry) => {
        if (!entry.fileName.startsWith('extension/') || entry.fileName.endsWith('/')) return zip.readEntry();
        const out = path.join(dir, entry.fileName.slice('extension/'.length));
        if (!out.startsWith(dir + path.sep)) return reject(new Error(`bad path in the .vsix: ${entry.fileName}`));
        fs.mkdirSync(path.dirname(out), { recursive: true });
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          stream.pipe(fs.createWriteStream(out)).on('finish', () => zip.readEntry()).on('error', reject);
        });
      });
      zip.readEntry();
    });
  });
}

async function main() {
  let vsix = process.env.POLICY_LINT_VSIX;
  if (!vsix) {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    vsix = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
    execFileSync('npm', ['run', '-s', 'package'], { cwd: root, stdio: 'inherit' });
  }
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  await unzipExtension(path.resolve(vsix), target);
  console.log(`testing the packaged extension: ${path.relative(root, vsix)} unpacked into ${path.relative(root, target)}`);
  const r = spawnSync(process.execPath, [path.join(__dirname, 'runTest.js')], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, POLICY_LINT_EXTENSION_PATH: target },
  });
  return r.status ?? 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
