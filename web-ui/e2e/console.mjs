// Drives the console in a real Chromium (Debian's, through playwright-core) against a running Argus.
//
//   ARGUS_URL=http://127.0.0.1:8080 ARGUS_EMAIL=admin@… ARGUS_PASSWORD=… ARGUS_KEY=pk-…:sk-… node e2e/console.mjs
//
// Signs in as the user (e-mail and password), expects the calls the JUnit test ingested (four gpt-4o-mini,
// two claude-3-5-haiku-latest), ingests more calls with the key (read and ingest scopes) while pages are
// open to watch them arrive over the live feed, then signs in again with the key for read-only use.
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
const email = process.env.ARGUS_EMAIL;
const password = process.env.ARGUS_PASSWORD;
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const shots = resolve(process.env.SCREENSHOT_DIR ?? 'target/e2e');
if (!key || !email || !password) {
  console.error('ARGUS_EMAIL and ARGUS_PASSWORD (a project member) and ARGUS_KEY (an API key with read and ingest scopes, sk-… or pk-…:sk-…) are required');
  process.exit(2);
}
const keySecret = key.includes(':') ? key.slice(key.indexOf(':') + 1) : key;

/** Calls the API outside the browser with the key (to ingest, and to know what the browser should show). */
async function apiCall(method, path, body) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${keySecret}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Ingests one call that started now. */
function ingestOne(call) {
  return apiCall('POST', '/api/v1/ingest', { calls: [{ started_at: new Date().toISOString(), latency_ms: 500, ...call }] });
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
const refused = [];
const projectHeaders = new Set();
page.on('response', (response) => {
  const path = new URL(response.url()).pathname;
  if (response.status() === 404 && path.startsWith('/api/')) missingApi.add(path);
  if (path.startsWith('/api/') && (response.status() === 400 || response.status() === 403)) refused.push(`${response.status()} ${response.request().method()} ${path}`);
});
page.on('request', (request) => {
  const path = new URL(request.url()).pathname;
  if (path === '/api/v1/calls') projectHeaders.add(request.headers()['x-argus-project'] ?? '(none)');
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
  await check('login page renders and signs in with e-mail and password', async () => {
    await page.goto(`${baseUrl}/plugins`);
    await page.waitForURL(/\/login\?next=%2Fplugins/);
    await page.getByRole('heading', { name: 'Sign in to Argus' }).waitFor();
    await page.screenshot({ path: join(shots, 'login.png') });
    await audit('login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('Wrong email or password.').waitFor();
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl}/plugins`);
  });

  await check('shell shows the user and their project', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Dashboard', 'Calls', 'Plugins']) await nav.getByRole('link', { name }).waitFor();
    await page.getByTestId('identity').getByText(email).waitFor();
    await page.getByTestId('project').getByText('console').waitFor();
  });

  await check('plugins page lists provider-mock as started', async () => {
    const mock = page.locator('[data-plugin-id="provider-mock"]');
    await mock.waitFor();
    await mock.getByText('started').waitFor();
    await page.getByRole('cell', { name: /mock/ }).first().waitFor();
    await page.screenshot({ path: join(shots, 'plugins.png'), fullPage: true });
    await audit('plugins');
  });

  await check('dashboard shows cards, honest empty states and a live feed', async () => {
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
    await page.waitForLoadState('networkidle');
    // metrics routes that are not served yet must say so, never show made-up numbers
    if (missingApi.has('/api/v1/metrics/dashboard')) await page.getByText(/No data yet/).first().waitFor();
    await page.getByTestId('live-status').getByText('Live').waitFor();
    await page.screenshot({ path: join(shots, 'dashboard.png'), fullPage: true });
    await audit('dashboard');
  });

  await check('a call ingested while the dashboard is open arrives over the live feed', async () => {
    const sent = Date.now();
    await ingestOne({ provider: 'openai', model: 'gpt-4o', user_id: 'user-live-1', input: [{ role: 'user', content: 'live dashboard check' }], output: { role: 'assistant', content: 'ok' }, usage: { input_tokens: 100, output_tokens: 20 } });
    await page.getByTestId('live-calls').getByText('1', { exact: true }).waitFor();
    await page.getByTestId('live-ticker').getByText('gpt-4o', { exact: true }).waitFor();
    timings.live_dashboard_ms = Date.now() - sent;
    await page.screenshot({ path: join(shots, 'dashboard-live.png'), fullPage: true });
  });

  await check('calls explorer lists the ingested calls', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calls' }).click();
    await page.getByRole('heading', { name: 'Calls', level: 1 }).waitFor();
    const rows = page.locator('[data-testid="calls-scroller"] tr[aria-rowindex]');
    await rows.nth(6).waitFor();
    const count = await rows.count();
    if (count !== 7) throw new Error(`expected the 7 ingested calls, the table shows ${count}`);
    await page.getByRole('row', { name: /claude-3-5-haiku-latest/ }).first().waitFor();
    await page.getByRole('row', { name: /gpt-4o-mini .*error/ }).getByText('rate_limit').waitFor();
    if (!projectHeaders.has((await page.evaluate(() => localStorage.getItem('argus.project'))) ?? '?')) throw new Error(`calls were not requested with X-Argus-Project: ${[...projectHeaders]}`);
    await page.screenshot({ path: join(shots, 'calls.png'), fullPage: true });
    await audit('calls');
  });

  await check('a model filter narrows the list and stays in the URL', async () => {
    await page.getByRole('button', { name: /Filters/ }).click();
    await page.getByLabel('Model').fill('claude-3-5-haiku-latest');
    await page.getByLabel('Model').press('Enter');
    await page.waitForURL(/model=claude-3-5-haiku-latest/);
    const rows = page.locator('[data-testid="calls-scroller"] tr[aria-rowindex]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="calls-scroller"] tr[aria-rowindex]').length === 2);
    for (const label of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('aria-label')))) {
      if (!label.includes('claude-3-5-haiku-latest')) throw new Error(`filtered list shows ${label}`);
    }
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="calls-scroller"] tr[aria-rowindex]').length === 2);
    await page.screenshot({ path: join(shots, 'calls-filtered.png'), fullPage: true });
  });

  await check('the detail drawer shows input, output and cost', async () => {
    const expected = (await apiCall('GET', '/api/v1/calls?model=claude-3-5-haiku-latest&q=kubernetes')).items;
    if (expected.length !== 1 || expected[0].cost_usd === null) throw new Error(`expected one priced kubernetes call, the API has ${JSON.stringify(expected)}`);
    await page.getByRole('row', { name: /claude-3-5-haiku-latest/ }).filter({ hasText: 'user-ada' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('Explain kubernetes pod eviction.').waitFor();
    await drawer.getByText('Pods are evicted when a node runs short of resources.').waitFor();
    const cost = (await drawer.locator('dt', { hasText: /^Cost$/ }).locator('xpath=following-sibling::dd').innerText()).trim();
    const want = Number(expected[0].cost_usd);
    if (!cost.startsWith('$') || Math.abs(Number(cost.slice(1)) - want) > want * 0.01) throw new Error(`drawer cost ${cost}, API cost ${expected[0].cost_usd}`);
    await drawer.getByText('2,100 / 650').waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(shots, 'call-detail.png') });
    await audit('call detail');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
  });

  await check('search, time range and export with the current filters', async () => {
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.waitForURL((url) => !url.search.includes('model='));
    await page.getByLabel('Search prompts and responses').fill('refund');
    await page.getByLabel('Search prompts and responses').press('Enter');
    await page.waitForURL(/\/calls\?q=refund/);
    await page.getByLabel('Time range').selectOption('7d');
    await page.waitForURL(/range=7d/);
    await page.reload();
    if ((await page.getByLabel('Search prompts and responses').inputValue()) !== 'refund') throw new Error('search lost on reload');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="calls-scroller"] tr[aria-rowindex]').length === 1);
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'CSV' }).click();
    await page.getByText(/^Exported .+$/).waitFor();
  });

  await check('a call ingested while the calls page is open appears without reloading', async () => {
    await page.goto(`${baseUrl}/calls`);
    const rows = page.locator('[data-testid="calls-scroller"] tr[aria-rowindex]');
    await rows.nth(6).waitFor();
    await page.getByTestId('live-status').getByText('Live').waitFor();
    const sent = Date.now();
    await ingestOne({ provider: 'anthropic', model: 'claude-3-5-sonnet-latest', user_id: 'user-live-2', input: [{ role: 'user', content: 'live calls check' }], usage: { input_tokens: 10, output_tokens: 5 } });
    await page.getByRole('row', { name: /claude-3-5-sonnet-latest/ }).waitFor();
    await page.getByTestId('live-new-calls').waitFor();
    timings.live_calls_ms = Date.now() - sent;
    if ((await rows.count()) !== 8) throw new Error(`expected 8 calls after the live one, the table shows ${await rows.count()}`);
  });

  await check('dark theme', async () => {
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plugins' }).click();
    await page.locator('[data-plugin-id="provider-mock"]').waitFor();
    if (!(await page.evaluate(() => document.documentElement.classList.contains('dark')))) throw new Error('dark class not set');
    await page.screenshot({ path: join(shots, 'plugins-dark.png'), fullPage: true });
    await audit('plugins (dark)');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
  });

  await check('sign out returns to the login page', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Argus' }).waitFor();
  });

  await check('an API key signs in read-only and calls no user-only route', async () => {
    const refusedBefore = refused.length;
    await page.getByRole('tab', { name: 'API key' }).click();
    await page.getByLabel('API key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.getByTestId('identity').getByText('API key').waitFor();
    await page.getByTestId('live-status').getByText('Live').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calls' }).click();
    await page.locator('[data-testid="calls-scroller"] tr[aria-rowindex]').nth(7).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByTestId('live-status').getByText('Live').waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(shots, 'dashboard-key.png'), fullPage: true });
    if (refused.length > refusedBefore) throw new Error(`the key session was refused: ${refused.slice(refusedBefore)}`);
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
// The deliberately wrong password is answered 401, which Chromium logs the same way.
const unexpected = consoleErrors.filter(
  (e) => !(e.text.includes('status of 404') && [...missingApi].some((p) => e.url.includes(p))) && !(e.text.includes('status of 401') && e.url.endsWith('/api/v1/auth/login')),
);
const serious = accessibility.flatMap((a) => a.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ page: a.page, ...v })));
const report = { checks, timings, refused_api_calls: refused, accessibility_serious: serious, accessibility_minor: accessibility.flatMap((a) => a.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical').map((v) => ({ page: a.page, id: v.id, impact: v.impact }))), missing_api_routes: [...missingApi], console_errors: unexpected, page_errors: pageErrors, foreign_requests: [...foreignRequests], screenshots: shots };
console.log(JSON.stringify(report, null, 2));
if (failure) {
  console.error(`FAILED: ${failure.stack ?? failure}`);
  process.exit(1);
}
if (unexpected.length || pageErrors.length || foreignRequests.size || serious.length || refused.length) {
  console.error('FAILED: console errors, page errors, requests to other hosts or serious accessibility violations (see above)');
  process.exit(1);
}
console.log(`console e2e: all ${checks.length} checks passed`);
