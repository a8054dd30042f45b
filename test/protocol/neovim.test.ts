import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER } from './lsp-client';

/** The server in a real editor client: headless Neovim 0.7 driven by ../shared/tools/lsp-probe (skipped where absent). */
const PROBE = join(__dirname, '..', '..', '..', 'shared', 'tools', 'lsp-probe', 'lsp-probe');
const hasNvim = spawnSync('nvim', ['--version']).status === 0;

describe.skipIf(!existsSync(PROBE) || !hasNvim)('Neovim (lsp-probe)', () => {
  it('shows the diagnostic, the hover card and the quick fix', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-nvim-'));
    const file = join(dir, 'paper.md');
    writeFileSync(file, '# Notes\n\nThe Indo-Pacific Economic Framework (IPEF) was launched in 2022.\nIPEF members met; the IPPEF pillar was signed.\n');
    const r = spawnSync(PROBE, ['--file', file, '--hover', '3:1', '--actions', '3:23', '--timeout', '40', '--', process.execPath, SERVER, '--stdio'], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.errors).toEqual([]);
    expect(out.diagnostics).toEqual([{
      code: 'acronym/misspelled',
      message: '“IPPEF” is not a known acronym; did you mean IPEF (Indo-Pacific Economic Framework, defined on line 3)?',
      range: { start: { line: 3, character: 22 }, end: { line: 3, character: 27 } },
      severity: 2,
      source: 'policy-lint',
    }]);
    expect(out.hovers[0].contents.value.split('\n\n')[0]).toBe('**IPEF** · Indo-Pacific Economic Framework for Prosperity');
    expect(out.actions[0].titles).toEqual(['Replace with IPEF']);
    expect(out.actions[0].edits[0].documentChanges[0].edits).toEqual([{ newText: 'IPEF', range: { start: { line: 3, character: 22 }, end: { line: 3, character: 27 } } }]);
  }, 60000);
});
