#!/usr/bin/env node
// Screenshots of the Paper overview view and of a quick-fix menu in a real VS Code (code-server + headless chromium,
// as installed by ../shared/tools/vscode-offline/install.sh). The offline screenshot tool opens a file, hovers and
// shows the Problems panel, but cannot expand a view or open the quick-fix menu; this script does the same
// start-up and then clicks. Used for docs/images/paper-overview.png and docs/images/quick-fix.png:
//
//   node scripts/screenshot-overview.cjs overview docs/images/paper-overview.png
//   node scripts/screenshot-overview.cjs quickfix docs/images/quick-fix.png 70:429
//
// env: CODE_SERVER and PLAYWRIGHT_CORE (default: the copies in .vscode-offline), CHROMIUM (default /usr/bin/chromium).
'use strict';
const cp = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const [mode, outArg, where] = process.argv.slice(2);
if (!['overview', 'quickfix'].includes(mode) || !outArg) {
  console.error('usage: screenshot-overview.cjs overview|quickfix OUT.png [LINE:COL]');
  process.exit(2);
}
const CODE_SERVER = process.env.CODE_SERVER || path.join(root, '.vscode-offline', 'node_modules', '.bin', 'code-server');
const PLAYWRIGHT_CORE = process.env.PLAYWRIGHT_CORE || path.join(root, '.vscode-offline', 'node_modules', 'playwright-core');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const { chromium } = require(PLAYWRIGHT_CORE);
const folder = path.join(root, 'examples');
const file = 'trade-frameworks-paper.md';
const out = path.resolve(outArg);
const [width, height] = [1400, 900];

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-shot-'));
let server;
let ctx;
async function shutdown(code) {
  try {
    if (ctx) await ctx.close();
  } catch {}
  if (server && server.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {}
    await new Promise((r) => setTimeout(r, 1500));
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {}
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(code);
}
setTimeout(() => {
  console.error('gave up after 240 s');
  shutdown(1);
}, 240000).unref();

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
}

async function startServer() {
  const port = await freePort();
  const ud = path.join(tmp, 'ud');
  fs.mkdirSync(path.join(ud, 'User'), { recursive: true });
  const settings = {
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
    'git.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.ignoreRecommendations': true,
    'chat.disableAIFeatures': true,
    'workbench.colorTheme': 'Default Light Modern',
    'editor.wordWrap': 'on',
    'editor.minimap.enabled': false,
  };
  fs.writeFileSync(path.join(ud, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  process.env.TMPDIR = path.join(tmp, 't');
  fs.mkdirSync(process.env.TMPDIR);
  server = cp.spawn(
    CODE_SERVER,
    ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--disable-getting-started-override', '--extensions-dir', path.join(tmp, 'exts'), '--user-data-dir', ud],
    {
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xc'), XDG_DATA_HOME: path.join(tmp, 'xd'), XDG_CACHE_HOME: path.join(tmp, 'xk') },
    },
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) return base;
    } catch {}
    if (i > 240) throw new Error('code-server did not come up within 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function command(page, title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10000 });
  await page.keyboard.type(title);
  await page.waitForTimeout(600);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(600);
}

(async () => {
  const base = await startServer();
  const authority = new URL(base).host;
  const payload = [['extensionDevelopmentPath', `vscode-remote://${authority}${root}`]];
  const url = `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  ctx = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width, height },
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  const page = ctx.pages()[0] || (await ctx.newPage());
  const t0 = Date.now();
  const say = (...a) => console.log(`${((Date.now() - t0) / 1000).toFixed(1)}s`, ...a);
  let ok = true;
  try {
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
    say('workbench loaded');
    const tab = page.locator('.tabs-container .tab.active', { hasText: file });
    for (let attempt = 0; attempt < 5 && !(await tab.count()); attempt++) {
      await page.locator('.monaco-workbench').click({ position: { x: width / 2, y: height / 2 } }).catch(() => {});
      await page.keyboard.press('Control+P');
      await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10000 });
      await page.keyboard.type(file);
      await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 15000 }).catch(() => {});
      await page.waitForTimeout(500);
      await page.keyboard.press('Enter');
      await tab.first().waitFor({ timeout: 10000 }).catch(() => {});
    }
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30000 });
    // the status bar item appears once the server has checked the paper
    await page.locator('.statusbar-item', { hasText: 'Policy Lint:' }).first().waitFor({ timeout: 90000 });
    say('paper checked');

    if (mode === 'overview') {
      // collapse the folder view, expand the Paper overview, widen the side bar
      await page.locator('.pane-header', { hasText: /^examples$/i }).first().click();
      const header = page.locator('.pane-header', { hasText: /paper overview/i }).first();
      await header.waitFor({ timeout: 30000 });
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      await page.locator('.monaco-list-row', { hasText: 'Acronyms' }).first().waitFor({ timeout: 30000 });
      const side = await page.locator('.part.sidebar').boundingBox();
      if (side) {
        await page.mouse.move(side.x + side.width - 1, side.y + side.height / 2);
        await page.mouse.down();
        await page.mouse.move(side.x + side.width + 330, side.y + side.height / 2, { steps: 10 });
        await page.mouse.up();
      }
      // open one acronym with a problem and one figure with a contradiction, then jump to the problem
      for (const label of ['AJCEP', 'Japan’s share of ASEAN’s inward']) {
        const row = page.locator('.pane-body .monaco-list-row', { hasText: label }).first();
        if (await row.count()) {
          await row.click();
          await page.keyboard.press('ArrowRight');
          await page.waitForTimeout(300);
        } else say(`no row ${label}`);
      }
      const problem = page.locator('.pane-body .monaco-list-row', { hasText: 'is the name of CPTPP' }).first();
      if (await problem.count()) await problem.click();
      await page.waitForTimeout(800);
      say('overview shown');
    } else {
      const [line, col] = (where || '70:429').split(':');
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+G');
      await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10000 });
      await page.keyboard.type(`${line}:${col}`);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(800);
      await page.keyboard.press('Control+.');
      await page.locator('.action-widget').first().waitFor({ timeout: 15000 });
      say('quick fix menu:', JSON.stringify((await page.locator('.action-widget').first().innerText()).replace(/\s+/g, ' ').slice(0, 200)));
    }
  } catch (e) {
    ok = false;
    say('FAILED:', e.message.split('\n')[0]);
  }
  await page.waitForTimeout(700);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  say('saved', out);
  await shutdown(ok ? 0 : 1);
})().catch((e) => {
  console.error(e);
  shutdown(1);
});
