// Workspace trust through the real server (stdio): in an untrusted workspace the server reads no file outside the
// workspace folder (a bibliography symlinked outside, a glossary symlinked outside), 50 MB files are refused, and
// `policyLint/workspaceTrust` lifts the restriction and re-checks. Needs the FileAccess wiring in session.ts.
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { TestClient } from './lsp-client';

const T = 30_000;
const SESSION = join(__dirname, '..', '..', 'server', 'src', 'server', 'session.ts');
const wired = fs.readFileSync(SESSION, 'utf8').includes('new FileAccess(');

const PAPER = ['---', 'bibliography: refs.bib', '---', '', 'The ZQRT report was late [@tanaka2021; @ghost2020].', ''].join('\n');
const BIB = '@book{tanaka2021,\n  title = {Ports and Data},\n  year = 2021\n}\n';
const OUTSIDE = 'it is outside the workspace folder, and an untrusted workspace reads only files inside it';

let client: TestClient | undefined;
afterEach(async () => {
  await client?.stop();
  client = undefined;
});

/** `<tmp>/ws` (the workspace folder) and `<tmp>/outside`, with refs.bib and terms.yaml outside, symlinked in. */
function project() {
  const base = fs.realpathSync(fs.mkdtempSync(join(tmpdir(), 'pl-trust-')));
  const ws = join(base, 'ws');
  const out = join(base, 'outside');
  fs.mkdirSync(ws);
  fs.mkdirSync(out);
  fs.writeFileSync(join(out, 'refs.bib'), BIB);
  fs.writeFileSync(join(out, 'terms.yaml'), 'entries:\n  - acronym: ZQRT\n    name: Zonal Quota Review Taskforce\n');
  fs.symlinkSync(join(out, 'refs.bib'), join(ws, 'refs.bib'));
  fs.symlinkSync(join(out, 'terms.yaml'), join(ws, 'terms.yaml'));
  fs.writeFileSync(join(ws, '.policylint.yaml'), 'glossary:\n  - terms.yaml\n');
  return { ws, out };
}

async function start(ws: string, initializationOptions: unknown) {
  const c = new TestClient();
  const root = pathToFileURL(ws).toString();
  await c.conn.sendRequest('initialize', { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'ws' }], capabilities: {}, initializationOptions });
  await c.conn.sendNotification('initialized', {});
  return c;
}

const summary = (d: { code?: unknown; message: string }[]) => d.map((x) => `${x.code}: ${x.message}`);

describe.skipIf(!wired)('workspace trust through the server', () => {
  it('untrusted: refuses the symlinked bibliography and glossary; trust granted: reads them and re-checks', async () => {
    const { ws } = project();
    client = await start(ws, { workspaceTrusted: false });
    const cfg = pathToFileURL(join(ws, '.policylint.yaml')).toString();
    const problems = await client.diagnostics(cfg);
    expect(summary(problems.diagnostics)).toEqual([`config/invalid: Cannot read glossary "terms.yaml": ${OUTSIDE}.`]);
    expect(problems.diagnostics[0].range.start).toEqual({ line: 1, character: 4 });
    const uri = pathToFileURL(join(ws, 'paper.md')).toString();
    await client.open(uri, PAPER);
    expect(summary((await client.diagnostics(uri)).diagnostics)).toEqual([
      `citation/bibliography-error: Cannot read the bibliography “refs.bib”: ${OUTSIDE}; citation keys are not checked.`,
      'acronym/undefined: ZQRT is never defined and is not a known framework; spell it out at first use, e.g. "Full Name (ZQRT)".',
    ]);

    const cleared = client.nextDiagnostics(cfg, (p) => p.diagnostics.length === 0);
    const rechecked = client.nextDiagnostics(uri);
    await client.conn.sendNotification('policyLint/workspaceTrust', { trusted: true });
    await cleared;
    expect(summary((await rechecked).diagnostics)).toEqual(['citation/unknown-key: Citation key @ghost2020 is not in the bibliography (refs.bib).']);
  }, T);

  it('a client that says nothing about trust (another editor) is trusted', async () => {
    const { ws } = project();
    client = await start(ws, undefined);
    const uri = pathToFileURL(join(ws, 'paper.md')).toString();
    await client.open(uri, PAPER);
    expect(summary((await client.diagnostics(uri)).diagnostics)).toEqual(['citation/unknown-key: Citation key @ghost2020 is not in the bibliography (refs.bib).']);
  }, T);

  it('a 50 MB config: one diagnostic at line 1, read no further, the defaults carry on', async () => {
    const base = fs.realpathSync(fs.mkdtempSync(join(tmpdir(), 'pl-trust-')));
    fs.writeFileSync(join(base, '.policylint.yaml'), Buffer.alloc(50 * 1024 * 1024, '# padding\n'));
    fs.writeFileSync(join(base, 'refs.bib'), BIB);
    client = await start(base, { workspaceTrusted: false });
    const cfg = pathToFileURL(join(base, '.policylint.yaml')).toString();
    const p = await client.diagnostics(cfg);
    expect(summary(p.diagnostics)).toEqual(['config/invalid: Cannot read the configuration: the file is 50 MB, over the 10 MB limit.']);
    // the line's text is not read either (a one-character range at the start)
    expect(p.diagnostics[0].range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
    const uri = pathToFileURL(join(base, 'paper.md')).toString();
    await client.open(uri, PAPER);
    expect(summary((await client.diagnostics(uri)).diagnostics)).toEqual([
      'acronym/undefined: ZQRT is never defined and is not a known framework; spell it out at first use, e.g. "Full Name (ZQRT)".',
      'citation/unknown-key: Citation key @ghost2020 is not in the bibliography (refs.bib).',
    ]);
    fs.rmSync(base, { recursive: true, force: true });
  }, T);
});
