// Drives the console in a real Chromium (Debian's, through playwright-core) against a running Argus.
//
//   ARGUS_URL=http://127.0.0.1:8080 ARGUS_EMAIL=admin@… ARGUS_PASSWORD=… ARGUS_KEY=pk-…:sk-… node e2e/console.mjs
//
// Signs in as the user (e-mail and password), expects the calls the JUnit test ingested (four gpt-4o-mini,
// two claude-3-5-haiku-latest; two tagged "eval" with metadata.reference, two with rate-limit snapshots),
// ingests more calls with the key (read and ingest scopes) while pages are open to watch them arrive over
// the live feed, then walks prompts, evaluations, alerts and settings, making one real change on each
// (promote a label and stop an experiment, start a ROUGE-1 evaluation, create and test a webhook channel
// and create a rule, create and revoke an API key, set a secret and the retention). It seeds what those
// pages show through the API first: a prompt with two versions and an experiment, an alert rule that fires.
// On the API page it finds POST /api/v1/ingest in the rendered OpenAPI document, sends GET /api/v1/plugins
// from the reference's "Test Request" client (expecting the session's token and project), and runs the
// ingest example. Violations inside that bundled client (Scalar's) are listed apart and do not fail the run.
// Then it signs in as a viewer (created here) to check the read-only UI, and with the key for read-only use.
// The Argus under test must evaluate alert rules often (ARGUS_ALERTS_EVALUATION_INTERVAL=2s) and have the
// evaluator-text-metrics and alert-webhook plugins.
// Optional: CHROMIUM (default /usr/bin/chromium), SCREENSHOT_DIR (default ./target/e2e).
// Exits non-zero when a check fails, the page throws, or the console logs an error other than the
// 404 answers of API routes this server does not have yet (the console shows "no data yet" for those;
// they are listed in the output), or axe finds a serious or critical WCAG 2 A/AA violation.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
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

/** Signs a user in through the API and returns a caller for their project (prompts and alerts need a user). */
async function userApi(userEmail, userPassword) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: userEmail, password: userPassword }) });
  if (!login.ok) throw new Error(`API login answered ${login.status}: ${await login.text()}`);
  const { access_token: token } = await login.json();
  const me = await (await fetch(`${baseUrl}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${token}` } })).json();
  const projectId = me.projects.find((p) => p.name === 'console')?.id ?? me.projects[0].id;
  const call = async (method, path, body) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'X-Argus-Project': projectId, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return { call, projectId };
}

/** Receives the webhook channel's deliveries (the test alert) on loopback. */
const webhookHits = [];
const webhook = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    webhookHits.push({ method: req.method, body });
    res.writeHead(204).end();
  });
});
await new Promise((done) => webhook.listen(0, '127.0.0.1', done));
const webhookUrl = `http://127.0.0.1:${webhook.address().port}/argus-alerts`;

// What the new pages show, made through the real API as the admin: a chat prompt with two versions
// (v1 production, v2 staging), an A/B experiment between them, and a rule that fires on any traffic.
const admin = await userApi(email, password);
await admin.call('POST', '/api/v1/prompts/support-reply/versions', {
  messages: [{ role: 'system', content: 'You are a support agent for {{company}}.\nBe brief.' }, { role: 'user', content: '{{question}}' }],
  model: 'gpt-4o-mini', parameters: { temperature: 0.2 }, commit_message: 'First support reply', labels: ['production'],
});
await admin.call('POST', '/api/v1/prompts/support-reply/versions', {
  messages: [{ role: 'system', content: 'You are a friendly support agent for {{company}}.\nBe brief.\nAlways offer more help.' }, { role: 'user', content: '{{question}}' }],
  model: 'gpt-4o', parameters: { temperature: 0.3 }, commit_message: 'Friendlier tone, offer help', labels: ['staging'],
});
await admin.call('POST', '/api/v1/prompts/support-reply/experiments', {
  name: 'friendlier-tone', variants: [{ version: 1, weight: 1 }, { version: 2, weight: 1 }], primary_metric: 'success_rate', guardrails: ['latency_ms'],
});
await admin.call('POST', '/api/v1/alerts/rules', { name: 'Any traffic', metric: 'requests', window_seconds: 3600, comparator: 'gt', threshold: 0, severity: 'info' });

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

await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });

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
const thirdPartyAccessibility = [];

/**
 * Runs axe on the current page; serious and critical WCAG 2 A/AA violations fail the run. With
 * `thirdParty` (a selector), violations whose every node is inside that element (a bundled widget the
 * console cannot change, such as Scalar's API client) are reported apart and do not fail the run.
 */
async function audit(name, { thirdParty } = {}) {
  // evaluate rather than inject a <script>: the console's CSP (rightly) refuses inline scripts
  await page.evaluate(readFileSync(axeSource, 'utf8'));
  const result = await page.evaluate(async (foreign) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    const inside = (n) => foreign && n.target.length === 1 && document.querySelector(n.target[0])?.closest(foreign) != null;
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, thirdParty: v.nodes.every(inside), nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }, thirdParty ?? null);
  accessibility.push({ page: name, violations: result.filter((v) => !v.thirdParty) });
  if (result.some((v) => v.thirdParty)) thirdPartyAccessibility.push({ page: name, widget: thirdParty, violations: result.filter((v) => v.thirdParty) });
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
    // metrics routes that are not served must say so, never show made-up numbers
    if (missingApi.has('/api/v1/metrics/dashboard')) await page.getByText(/No data yet/).first().waitFor();
    // the numbers of the six seeded calls, from the rollups
    await page.getByTestId('card-total_requests').getByText('6', { exact: true }).waitFor();
    await page.getByTestId('card-success_rate').getByText('83.3%').waitFor();
    const costCard = (await page.getByTestId('card-total_cost_usd').innerText()).trim();
    const apiCost = (await apiCall('GET', '/api/v1/metrics/dashboard')).cards.total_cost_usd.value;
    if (Math.abs(Number(costCard.replace('$', '')) - Number(apiCost)) > Number(apiCost) * 0.01) throw new Error(`cost card ${costCard}, API ${apiCost}`);
    await page.getByTestId('latency-histogram').getByRole('cell', { name: /ms|s/ }).first().waitFor({ state: 'attached' });
    await page.getByTestId('cost-breakdown').getByText('claude-3-5-haiku-latest').waitFor();
    await page.getByTestId('cost-breakdown').getByText('anthropic').waitFor();
    await page.getByTestId('rate-limits').getByRole('row', { name: /gpt-4o-mini/ }).getByText('40 / 500').waitFor();
    // the seeded rule fires on the first evaluation round; the panel polls every 15 s
    await page.getByTestId('recent-alerts').getByText('Any traffic').waitFor({ timeout: 45_000 });
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

  const nav = (name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();

  await check('prompts: the list and a prompt with its versions, diff and render preview', async () => {
    await nav('Prompts');
    await page.getByRole('heading', { name: 'Prompts', level: 1 }).waitFor();
    const row = page.getByTestId('prompts-table').getByRole('row', { name: /support-reply/ });
    await row.getByText('production → v1').waitFor();
    await row.getByText('staging → v2').waitFor();
    await page.screenshot({ path: join(shots, 'prompts.png'), fullPage: true });
    await audit('prompts');
    await row.getByRole('link', { name: 'support-reply' }).click();
    await page.getByRole('heading', { name: 'support-reply', level: 1 }).waitFor();
    await page.getByTestId('version-list').getByText('Friendlier tone, offer help').waitFor();
    await page.getByTestId('version-view').getByText('Always offer more help.', { exact: false }).waitFor();
    await page.getByTestId('version-list').getByRole('button', { name: /v1/ }).click();
    await page.getByTestId('version-view').getByRole('heading', { name: 'Version 1' }).waitFor();
    await page.screenshot({ path: join(shots, 'prompt-versions.png'), fullPage: true });
    await audit('prompt versions');
    await page.getByRole('tab', { name: 'Diff' }).click();
    const summary = page.getByTestId('diff-summary');
    await summary.getByText('+2').waitFor();
    await summary.getByText('−1').waitFor();
    await summary.getByText('model gpt-4o-mini → gpt-4o').waitFor();
    await page.locator('[data-testid="diff"] tr[data-op="insert"]', { hasText: 'Always offer more help.' }).waitFor();
    await page.locator('[data-testid="diff"] tr[data-op="delete"]', { hasText: 'You are a support agent for {{company}}.' }).waitFor();
    await page.screenshot({ path: join(shots, 'prompt-diff.png'), fullPage: true });
    await audit('prompt diff');
    await page.getByRole('tab', { name: 'Render preview' }).click();
    await page.getByLabel('company').fill('Acme');
    await page.getByLabel('question').fill('Where is my parcel?');
    await page.getByRole('button', { name: 'Render' }).click();
    await page.getByTestId('render-output').getByText('You are a support agent for Acme.', { exact: false }).waitFor();
    await page.getByTestId('render-output').getByText('Where is my parcel?').waitFor();
    await page.screenshot({ path: join(shots, 'prompt-render.png'), fullPage: true });
    await audit('prompt render');
  });

  await check('prompts: moving the production label to v2 promotes it for every app', async () => {
    await page.getByRole('tab', { name: 'Labels' }).click();
    const production = page.locator('[data-testid="labels-table"] tr[data-label="production"]');
    await production.getByTestId('label-version').getByText('v1').waitFor();
    await production.getByLabel('New version for production').selectOption('2');
    await production.getByRole('button', { name: 'Promote' }).click();
    await production.getByTestId('label-version').getByText('v2').waitFor();
    await page.getByTestId('label-moves').getByText('promoted').waitFor();
    const served = await apiCall('GET', '/api/v1/prompts/support-reply');
    if (served.version !== 2) throw new Error(`the API serves production v${served.version} after the promotion`);
    await page.screenshot({ path: join(shots, 'prompt-labels.png'), fullPage: true });
    await audit('prompt labels');
  });

  await check('prompts: the experiment shows its variants and stops', async () => {
    await page.getByRole('tab', { name: 'Experiments' }).click();
    const experiment = page.locator('[data-experiment="friendlier-tone"]');
    await experiment.getByText('running').waitFor();
    await page.getByText('50% (w 1)').first().waitFor();
    await page.getByRole('button', { name: 'Stop experiment' }).click();
    await page.getByRole('button', { name: 'Stop now' }).click();
    await experiment.getByText('stopped', { exact: true }).waitFor();
    const stored = (await apiCall('GET', '/api/v1/prompts/support-reply/experiments')).items[0];
    if (stored.status !== 'stopped') throw new Error(`experiment is ${stored.status} after stopping`);
    await page.screenshot({ path: join(shots, 'prompt-experiments.png'), fullPage: true });
    await audit('prompt experiments');
  });

  let evaluationId = null;
  await check('evaluations: ROUGE-1 started from call filters scores the two tagged calls', async () => {
    await nav('Evaluations');
    await page.getByRole('heading', { name: 'Evaluations', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Start evaluation' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('Evaluator').selectOption('rouge-1');
    await drawer.getByLabel('Tags').fill('eval');
    await drawer.getByTestId('target-count').getByText('2', { exact: true }).waitFor();
    await page.screenshot({ path: join(shots, 'evaluation-start.png') });
    await audit('evaluation start');
    await drawer.getByRole('button', { name: 'Start evaluation' }).click();
    await page.waitForURL(/\/evaluations\/[0-9a-f-]{36}$/);
    evaluationId = page.url().split('/').pop();
    await page.getByTestId('evaluation-status').getByText('completed', { exact: true }).waitFor({ timeout: 60_000 });
    const stored = await apiCall('GET', `/api/v1/evaluations/${evaluationId}`);
    if (stored.evaluator !== 'rouge-1' || stored.items.length !== 2 || stored.aggregate.mean === null) throw new Error(`stored evaluation: ${JSON.stringify(stored)}`);
    await page.getByTestId('evaluation-aggregate').getByText(stored.aggregate.mean.toFixed(3)).first().waitFor();
    const rows = page.locator('[data-testid="evaluation-items"] tbody tr');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="evaluation-items"] tbody tr').length === 2);
    await rows.first().getByText('done').waitFor();
    await page.screenshot({ path: join(shots, 'evaluation.png'), fullPage: true });
    await audit('evaluation detail');
    await page.getByRole('link', { name: 'Evaluations' }).first().click();
    await page.locator(`[data-evaluation="${evaluationId}"]`).getByText('completed').waitFor();
    await page.screenshot({ path: join(shots, 'evaluations.png'), fullPage: true });
    await audit('evaluations');
  });

  await check('the call drawer shows the scores the call received', async () => {
    await page.goto(`${baseUrl}/calls?q=refund`);
    await page.getByRole('row', { name: /gpt-4o-mini/ }).filter({ hasText: 'user-ada' }).click();
    const scores = page.getByRole('dialog').getByTestId('call-scores');
    await scores.getByText('rouge-1').waitFor();
    await scores.getByRole('link', { name: `evaluation ${evaluationId.slice(0, 8)}` }).waitFor();
    await page.screenshot({ path: join(shots, 'call-scores.png') });
    await page.keyboard.press('Escape');
  });

  await check('alerts: the seeded rule fired; a webhook channel is created and tested; a rule is created', async () => {
    await nav('Alerts');
    await page.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
    await page.locator('[data-testid="alert-rules"] tr[data-rule="Any traffic"]').getByText('firing').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(shots, 'alerts-rules.png'), fullPage: true });
    await audit('alert rules');
    await page.getByRole('tab', { name: /Channels/ }).click();
    await page.getByRole('button', { name: 'New channel' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('Name', { exact: true }).fill('e2e webhook');
    await drawer.getByLabel('Type').selectOption('webhook');
    await drawer.getByLabel('URL', { exact: true }).fill(webhookUrl);
    await drawer.getByLabel('Signing secret (optional)').fill('e2e-signing-secret-0001');
    await audit('alert channel form');
    await drawer.getByRole('button', { name: 'Create channel' }).click();
    const channel = page.locator('[data-testid="alert-channels"] tr[data-channel="e2e webhook"]');
    await channel.getByText('********').waitFor();
    await channel.getByRole('button', { name: /Send a test alert/ }).click();
    await channel.getByTestId('channel-test-result').getByText(/Test alert delivered/).waitFor();
    if (!webhookHits.some((h) => h.method === 'POST' && h.body.includes('Test alert'))) throw new Error(`the webhook received ${JSON.stringify(webhookHits)}`);
    await page.screenshot({ path: join(shots, 'alerts-channels.png'), fullPage: true });
    await audit('alert channels');
    await page.getByRole('tab', { name: /Rules/ }).click();
    await page.getByRole('button', { name: 'New rule' }).click();
    await drawer.getByLabel('Name', { exact: true }).fill('Error rate high');
    await drawer.getByLabel('Metric', { exact: true }).selectOption('error_rate');
    await drawer.getByLabel('Threshold').fill('0.1');
    await drawer.getByLabel('Window (minutes)').fill('5');
    await drawer.getByLabel('Severity').selectOption('critical');
    await drawer.getByLabel(/e2e webhook/).check();
    await page.screenshot({ path: join(shots, 'alert-rule-form.png') });
    await audit('alert rule form');
    await drawer.getByRole('button', { name: 'Create rule' }).click();
    const created = page.locator('[data-testid="alert-rules"] tr[data-rule="Error rate high"]');
    await created.getByText('Error rate > 10.0% over 5 min').waitFor();
    await created.getByText('critical').waitFor();
    const rules = (await admin.call('GET', '/api/v1/alerts/rules')).items;
    const rule = rules.find((r) => r.name === 'Error rate high');
    if (!rule || rule.window_seconds !== 300 || rule.threshold !== 0.1 || rule.channel_ids.length !== 1) throw new Error(`stored rule: ${JSON.stringify(rule)}`);
    await page.getByRole('tab', { name: 'Events' }).click();
    await page.locator('[data-testid="alert-events"] li[data-event-state="firing"]', { hasText: 'Any traffic' }).first().waitFor();
    await page.screenshot({ path: join(shots, 'alerts-events.png'), fullPage: true });
    await audit('alert events');
  });

  await check('settings: an API key is shown once, copied, works, and is revoked', async () => {
    await nav('Settings');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.getByLabel('Key name').fill('e2e key');
    await page.getByRole('checkbox', { name: 'ingest' }).uncheck();
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = (await page.getByTestId('new-key-secret').innerText()).trim();
    if (!/^pk-\S+:sk-\S+$/.test(secret)) throw new Error(`new key shown as ${secret}`);
    await page.getByRole('button', { name: 'Copy the new API key' }).click();
    await page.getByTestId('new-key').getByText('Copied').waitFor();
    if ((await page.evaluate(() => navigator.clipboard.readText())) !== secret) throw new Error('the copy button did not copy the key');
    const newSecret = secret.slice(secret.indexOf(':') + 1);
    const withNewKey = (path) => fetch(`${baseUrl}${path}`, { headers: { Authorization: `Bearer ${newSecret}` } });
    if ((await withNewKey('/api/v1/calls?limit=1')).status !== 200) throw new Error('the new read key cannot list calls');
    await page.screenshot({ path: join(shots, 'settings-keys.png'), fullPage: true });
    await audit('settings API keys');
    await page.getByTestId('new-key').getByRole('button', { name: 'Done' }).click();
    await page.getByTestId('new-key').waitFor({ state: 'detached' });
    if (await page.getByText(newSecret).count()) throw new Error('the secret is still on the page after Done');
    const keyRow = page.locator('[data-testid="api-keys"] tr[data-key="e2e key"]');
    await keyRow.getByRole('button', { name: 'Revoke' }).click();
    await keyRow.getByRole('button', { name: 'Revoke e2e key' }).click();
    await keyRow.getByText(/revoked/).waitFor();
    if ((await withNewKey('/api/v1/calls?limit=1')).status !== 401) throw new Error('the revoked key still works');
  });

  await check('settings: members, a secret and the retention', async () => {
    await page.getByRole('tab', { name: 'Members' }).click();
    await page.locator(`[data-testid="members"] tr[data-member="${email}"]`).getByText('(you)').waitFor();
    await page.screenshot({ path: join(shots, 'settings-members.png'), fullPage: true });
    await audit('settings members');
    await page.getByRole('tab', { name: 'Secrets' }).click();
    await page.getByLabel('Name', { exact: true }).fill('openai-api-key');
    await page.getByLabel('Value', { exact: true }).fill('sk-e2e-not-a-real-key-1234');
    await page.getByRole('button', { name: 'Save secret' }).click();
    await page.locator('[data-testid="secrets"] tr[data-secret="openai-api-key"]').getByText('…1234').waitFor();
    if (await page.getByText('sk-e2e-not-a-real-key-1234').count()) throw new Error('the secret value is shown');
    await page.screenshot({ path: join(shots, 'settings-secrets.png'), fullPage: true });
    await audit('settings secrets');
    await page.getByRole('tab', { name: 'Data retention' }).click();
    await page.getByTestId('retention-current').getByText('calls are kept forever').waitFor();
    await page.getByLabel('Delete calls older than a number of days').check();
    await page.getByLabel('Days', { exact: true }).fill('400');
    await page.getByRole('button', { name: 'Save retention' }).click();
    await page.getByTestId('retention-current').getByText('older than 400 days').waitFor();
    if ((await admin.call('GET', '/api/v1/data/retention')).retention_days !== 400) throw new Error('retention not stored');
    await page.screenshot({ path: join(shots, 'settings-retention.png'), fullPage: true });
    await audit('settings retention');
  });

  await check('API page: the live OpenAPI document rendered, a try-it request with the session, and examples', async () => {
    await nav('API');
    await page.getByRole('heading', { name: 'API', level: 1 }).waitFor();
    const reference = page.getByTestId('api-reference');
    await reference.getByRole('heading', { name: 'Argus API', level: 1 }).waitFor();
    const tags = (await apiCall('GET', '/openapi?format=json')).tags.map((t) => t.name);
    for (const tag of ['calls', 'system', 'proxy', 'otlp']) if (!tags.includes(tag)) throw new Error(`the document has no tag ${tag}`);
    // the ingest operation, found through the reference's own navigation
    await reference.getByRole('link', { name: 'calls', exact: true }).click();
    await reference.getByRole('link', { name: /^Record a batch of 1 to 1000 calls made elsewhere/ }).click();
    await page.waitForURL(/#tag\/calls\/POST\/api\/v1\/ingest$/);
    const ingest = reference.locator('[id$="tag/calls/POST/api/v1/ingest"]');
    await ingest.getByRole('heading', { name: 'Record a batch of 1 to 1000 calls made elsewhere' }).waitFor();
    await ingest.getByText('/api/v1/ingest', { exact: true }).first().waitFor();
    await page.screenshot({ path: join(shots, 'api-reference.png') });
    await audit('API reference');
    // "Test Request" on GET /api/v1/plugins, sent by the reference's client with the session's token and project
    await reference.getByRole('link', { name: 'system', exact: true }).click();
    await reference.getByRole('link', { name: /^Plugins and built-ins with their extensions and state/ }).click();
    await reference.locator('button.show-api-client-button', { hasText: '(get /api/v1/plugins)' }).click();
    const client = page.getByRole('dialog', { name: 'API Client' });
    const [tried] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/plugins' && r.request().method() === 'GET'),
      client.getByRole('button', { name: /^Send get request/ }).click(),
    ]);
    const sent = tried.request().headers();
    const project = await page.evaluate(() => localStorage.getItem('argus.project'));
    if (tried.status() !== 200) throw new Error(`the try-it request answered ${tried.status()}`);
    if (!/^Bearer ey/.test(sent.authorization ?? '')) throw new Error(`the try-it request was sent without the session's token: ${sent.authorization}`);
    if (sent['x-argus-project'] !== project) throw new Error(`the try-it request was sent for project ${sent['x-argus-project']}, the console is in ${project}`);
    if (!(await tried.json()).items.some((p) => p.id === 'provider-mock')) throw new Error('the try-it answer lists no provider-mock');
    await client.getByText('200 OK').waitFor();
    await page.screenshot({ path: join(shots, 'api-try-it.png'), animations: 'disabled' });
    await audit('API try-it client', { thirdParty: '.scalar-client' });
    await page.keyboard.press('Escape');
    await client.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Examples' }).click();
    await page.waitForURL(/\/api\?tab=examples/, { waitUntil: 'commit' });
    const examples = page.getByTestId('api-examples');
    await examples.locator('[data-example="openai-python"]').waitFor();
    const openai = await examples.locator('pre', { hasText: 'from openai import OpenAI' }).innerText();
    if (!openai.includes(`base_url="${baseUrl}/proxy/openai/v1"`) || !openai.includes('"X-Argus-Key": "pk-…:sk-…"')) throw new Error(`OpenAI example: ${openai}`);
    const otlp = await examples.locator('pre', { hasText: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT' }).innerText();
    if (!otlp.includes(`OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=${baseUrl}/v1/traces`)) throw new Error(`OTLP example: ${otlp}`);
    // the ingest example, with the key in place of the placeholder, really records a call
    const curl = await examples.locator('pre', { hasText: '/api/v1/ingest' }).innerText();
    const body = JSON.parse(/-d '([\s\S]+)'$/.exec(curl)[1]);
    const sentExample = await fetch(/curl -s (\S+)/.exec(curl)[1], { method: 'POST', headers: { 'X-Argus-Key': key, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const receipt = await sentExample.json();
    if (sentExample.status !== 200 || receipt.accepted !== 1) throw new Error(`the ingest example was answered ${sentExample.status} ${JSON.stringify(receipt)}`);
    await examples.locator('[data-example="curl-ingest"]').getByRole('button', { name: /Copy/ }).click();
    if ((await page.evaluate(() => navigator.clipboard.readText())) !== curl) throw new Error('the copy button did not copy the example');
    await page.screenshot({ path: join(shots, 'api-examples.png'), fullPage: true });
    await audit('API examples');
  });

  await check('dark theme', async () => {
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plugins' }).click();
    await page.locator('[data-plugin-id="provider-mock"]').waitFor();
    if (!(await page.evaluate(() => document.documentElement.classList.contains('dark')))) throw new Error('dark class not set');
    await page.screenshot({ path: join(shots, 'plugins-dark.png'), fullPage: true });
    await audit('plugins (dark)');
    await nav('Dashboard');
    await page.getByTestId('recent-alerts').getByText('Any traffic').waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(shots, 'dashboard-dark.png'), fullPage: true });
    await audit('dashboard (dark)');
    await page.goto(`${baseUrl}/prompts/support-reply?tab=diff`);
    await page.getByTestId('diff-summary').getByText('+2').waitFor();
    await page.screenshot({ path: join(shots, 'prompt-diff-dark.png'), fullPage: true });
    await audit('prompt diff (dark)');
    await page.goto(`${baseUrl}/alerts`);
    await page.locator('[data-testid="alert-rules"] tr[data-rule="Error rate high"]').waitFor();
    await page.screenshot({ path: join(shots, 'alerts-dark.png'), fullPage: true });
    await audit('alerts (dark)');
    await page.goto(`${baseUrl}/api`);
    await page.getByTestId('api-reference').getByRole('heading', { name: 'Argus API', level: 1 }).waitFor();
    await page.screenshot({ path: join(shots, 'api-dark.png') });
    await audit('API reference (dark)');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
  });

  await check('sign out returns to the login page', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Argus' }).waitFor();
  });

  await check('a viewer sees the pages read-only, with the reason, and calls no admin route', async () => {
    const refusedBefore = refused.length;
    const viewer = { email: 'viewer@example.com', password: 'viewer password 2026' };
    await admin.call('POST', '/api/v1/users', { ...viewer, display_name: 'Vera Viewer', role: 'viewer' });
    await page.getByLabel('Email').fill(viewer.email);
    await page.getByLabel('Password').fill(viewer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.getByTestId('project').getByText('viewer').waitFor();
    await page.goto(`${baseUrl}/prompts/support-reply?tab=labels`);
    await page.getByTestId('read-only').getByText('Needs the member role or higher; you are a viewer of this project.').waitFor();
    const promote = page.locator('[data-testid="labels-table"] tr[data-label="staging"]').getByRole('button');
    if (!(await promote.isDisabled())) throw new Error('a viewer can move a label');
    if (await page.getByRole('form', { name: 'Set a label' }).count()) throw new Error('a viewer sees the new-label form');
    await page.screenshot({ path: join(shots, 'viewer-prompt.png'), fullPage: true });
    await audit('prompt labels (viewer)');
    await nav('Evaluations');
    await page.locator(`[data-evaluation="${evaluationId}"]`).waitFor();
    if (!(await page.getByRole('button', { name: 'Start evaluation' }).isDisabled())) throw new Error('a viewer can start an evaluation');
    await nav('Alerts');
    await page.locator('[data-testid="alert-rules"] tr[data-rule="Error rate high"]').waitFor();
    if (!(await page.getByRole('button', { name: 'New rule' }).isDisabled())) throw new Error('a viewer can create a rule');
    if (await page.getByRole('button', { name: /Edit/ }).count()) throw new Error('a viewer sees rule edit buttons');
    await page.screenshot({ path: join(shots, 'viewer-alerts.png'), fullPage: true });
    await audit('alerts (viewer)');
    await nav('Settings');
    await page.getByText('Settings are for project admins').waitFor();
    await page.waitForLoadState('networkidle');
    if (refused.length > refusedBefore) throw new Error(`the viewer was refused: ${refused.slice(refusedBefore)}`);
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
    await page.getByText('Alerts are shown to signed-in project members.').waitFor();
    await page.screenshot({ path: join(shots, 'dashboard-key.png'), fullPage: true });
    await nav('Prompts');
    await page.getByTestId('prompts-table').getByText('production → v2').waitFor();
    await nav('Alerts');
    await page.getByText('Alerts need a signed-in member').waitFor();
    await nav('Settings');
    await page.getByText('Settings are for project admins').waitFor();
    await page.waitForLoadState('networkidle');
    if (refused.length > refusedBefore) throw new Error(`the key session was refused: ${refused.slice(refusedBefore)}`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Argus' }).waitFor();
  });
} catch (error) {
  failure = error;
  await page.screenshot({ path: join(shots, 'failure.png'), fullPage: true }).catch(() => {});
} finally {
  await context.close();
  webhook.close();
  rmSync(profile, { recursive: true, force: true });
}

// A 404 of an API route the server does not have yet is logged by Chromium as a failed resource load;
// the console handles it ("no data yet"). Every other console error fails the run.
// The deliberately wrong password is answered 401, which Chromium logs the same way.
const unexpected = consoleErrors.filter(
  (e) => !(e.text.includes('status of 404') && [...missingApi].some((p) => e.url.includes(p))) && !(e.text.includes('status of 401') && e.url.endsWith('/api/v1/auth/login')),
);
const serious = accessibility.flatMap((a) => a.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ page: a.page, ...v })));
const report = { checks, timings, refused_api_calls: refused, accessibility_serious: serious, accessibility_minor: accessibility.flatMap((a) => a.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical').map((v) => ({ page: a.page, id: v.id, impact: v.impact }))), accessibility_third_party: thirdPartyAccessibility.flatMap((a) => a.violations.map((v) => ({ page: a.page, widget: a.widget, id: v.id, impact: v.impact, help: v.help }))), missing_api_routes: [...missingApi], console_errors: unexpected, page_errors: pageErrors, foreign_requests: [...foreignRequests], screenshots: shots };
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
