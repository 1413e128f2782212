// Drives the console in a real Chromium (Debian's, through playwright-core) against a running Argus.
//
//   ARGUS_URL=http://127.0.0.1:8080 ARGUS_KEY=sk-… node e2e/console.mjs
//
// Optional: CHROMIUM (default /usr/bin/chromium), SCREENSHOT_DIR (default ./target/e2e).
// Exits non-zero when a check fails, the page throws, or the console logs an error other than the
// 404 answers of API routes this server does not have yet (the console shows "no data yet" for those;
// they are listed in the output), or axe finds a serious or critical WCAG 2 A/AA violation.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const baseUrl = process.env.ARGUS_URL ?? 'http://127.0.0.1:8080';
const key = process.env.ARGUS_KEY;
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const shots = resolve(process.env.SCREENSHOT_DIR ?? 'target/e2e');
if (!key) {
  console.error('ARGUS_KEY (an API key with read scope, sk-… or pk-…:sk-…) is required');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

const profile = mkdtempSync(join(tmpdir(), 'argus-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  viewport: { width: 1440, height: 900 },
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

const consoleErrors = [];
const pageErrors = [];
const missingApi = new Set();
const foreignRequests = new Set();
const page = context.pages()[0] ?? (await context.newPage());
page.on('console', (msg) => {
  if (msg.type() === 'error') consoleErrors.push({ text: msg.text(), url: msg.location()?.url ?? '' });
});
page.on('pageerror', (error) => pageErrors.push(String(error)));
page.on('request', (request) => {
  if (!request.url().startsWith(baseUrl) && !request.url().startsWith('data:')) foreignRequests.add(request.url());
});
page.on('response', (response) => {
  if (response.status() === 404 && new URL(response.url()).pathname.startsWith('/api/')) missingApi.add(new URL(response.url()).pathname);
});

const checks = [];
const timings = {};
const accessibility = [];

/** Runs axe on the current page; serious and critical WCAG 2 A/AA violations fail the run. */
async function audit(name) {
  // evaluate rather than inject a <script>: the console's CSP (rightly) refuses inline scripts
  await page.evaluate(readFileSync(axeSource, 'utf8'));
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  accessibility.push({ page: name, violations: result });
}
async function check(name, fn) {
  const started = Date.now();
  await fn();
  checks.push({ name, ms: Date.now() - started });
}

let failure = null;
try {
  await check('login page renders and signs in with an API key', async () => {
    await page.goto(`${baseUrl}/plugins`);
    await page.waitForURL(/\/login\?next=%2Fplugins/);
    await page.getByRole('heading', { name: 'Sign in to Argus' }).waitFor();
    await page.screenshot({ path: join(shots, 'login.png') });
    await audit('login');
    await page.getByRole('tab', { name: 'API key' }).click();
    await page.getByLabel('API key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl}/plugins`);
  });

  await check('shell renders with navigation', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Dashboard', 'Calls', 'Plugins']) await nav.getByRole('link', { name }).waitFor();
    await page.getByTestId('identity').getByText('API key').waitFor();
  });

  await check('plugins page lists provider-mock as started', async () => {
    const mock = page.locator('[data-plugin-id="provider-mock"]');
    await mock.waitFor();
    await mock.getByText('started').waitFor();
    await page.getByRole('cell', { name: /mock/ }).first().waitFor();
    await page.screenshot({ path: join(shots, 'plugins.png'), fullPage: true });
    await audit('plugins');
  });

  await check('dashboard shows cards and an honest empty state', async () => {
    // a full load of the dashboard (cold cache but the browser's HTTP cache), until every card has its answer
    const started = Date.now();
    await page.goto(`${baseUrl}/`);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.waitForFunction(() => {
      const cards = document.querySelector('[data-testid="metric-cards"]');
      return cards !== null && cards.querySelector('.animate-pulse') === null;
    });
    timings.dashboard_ready_ms = Date.now() - started;
    await page.getByTestId('metric-cards').getByText('Requests').waitFor();
    await page.getByText(/No data yet/).first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(shots, 'dashboard.png'), fullPage: true });
    await audit('dashboard');
  });

  await check('calls explorer keeps filters in the URL', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calls' }).click();
    await page.getByRole('heading', { name: 'Calls', level: 1 }).waitFor();
    await page.getByLabel('Search prompts and responses').fill('refund');
    await page.getByLabel('Search prompts and responses').press('Enter');
    await page.waitForURL(/\/calls\?q=refund/);
    await page.getByLabel('Time range').selectOption('7d');
    await page.waitForURL(/range=7d/);
    await page.reload();
    if ((await page.getByLabel('Search prompts and responses').inputValue()) !== 'refund') throw new Error('search lost on reload');
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'CSV' }).click();
    await page.getByText(/^(Exported .+|Export is not available on this server yet)$/).waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(shots, 'calls.png'), fullPage: true });
    await audit('calls');
  });

  await check('dark theme', async () => {
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plugins' }).click();
    await page.locator('[data-plugin-id="provider-mock"]').waitFor();
    if (!(await page.evaluate(() => document.documentElement.classList.contains('dark')))) throw new Error('dark class not set');
    await page.screenshot({ path: join(shots, 'plugins-dark.png'), fullPage: true });
    await audit('plugins (dark)');
  });

  await check('sign out returns to the login page', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Argus' }).waitFor();
  });
} catch (error) {
  failure = error;
  await page.screenshot({ path: join(shots, 'failure.png'), fullPage: true }).catch(() => {});
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

// A 404 of an API route the server does not have yet is logged by Chromium as a failed resource load;
// the console handles it ("no data yet"). Every other console error fails the run.
const unexpected = consoleErrors.filter((e) => !(e.text.includes('status of 404') && [...missingApi].some((p) => e.url.includes(p))));
const serious = accessibility.flatMap((a) => a.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ page: a.page, ...v })));
const report = { checks, timings, accessibility_serious: serious, accessibility_minor: accessibility.flatMap((a) => a.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical').map((v) => ({ page: a.page, id: v.id, impact: v.impact }))), missing_api_routes: [...missingApi], console_errors: unexpected, page_errors: pageErrors, foreign_requests: [...foreignRequests], screenshots: shots };
console.log(JSON.stringify(report, null, 2));
if (failure) {
  console.error(`FAILED: ${failure.stack ?? failure}`);
  process.exit(1);
}
if (unexpected.length || pageErrors.length || foreignRequests.size || serious.length) {
  console.error('FAILED: console errors, page errors, requests to other hosts or serious accessibility violations (see above)');
  process.exit(1);
}
console.log(`console e2e: all ${checks.length} checks passed`);
