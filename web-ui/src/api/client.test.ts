import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiKeySecret, createSessionStore } from '../auth/session';
import { ApiClient, ApiError } from './client';

/**
 * A real HTTP server on loopback that speaks the auth contract of /api/v1/auth: access tokens expire
 * when the server says so, refresh tokens rotate on every use.
 */
let server: Server;
let baseUrl: string;
let validAccess = new Set<string>();
let validRefresh = new Set<string>();
let refreshCalls = 0;
let counter = 0;
const seenAuth: string[] = [];

function issue(): { access_token: string; refresh_token: string; token_type: string; expires_in: number } {
  counter += 1;
  const tokens = { access_token: `at-${counter}`, refresh_token: `rt-${counter}`, token_type: 'Bearer', expires_in: 900 };
  validAccess.add(tokens.access_token);
  validRefresh.add(tokens.refresh_token);
  return tokens;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function body(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, string>;
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const auth = req.headers.authorization ?? '';
    seenAuth.push(auth);
    if (req.url === '/api/v1/auth/login') {
      const { email, password } = await body(req);
      if (email === 'ada@example.com' && password === 'secret') return json(res, 200, issue());
      return json(res, 401, { error: { code: 'invalid_credentials', message: 'wrong email or password' } });
    }
    if (req.url === '/api/v1/auth/refresh') {
      refreshCalls += 1;
      const { refresh_token } = await body(req);
      await new Promise((r) => setTimeout(r, 20)); // let concurrent 401s pile up
      if (refresh_token && validRefresh.delete(refresh_token)) return json(res, 200, issue());
      return json(res, 401, { error: { code: 'invalid_token', message: 'refresh token is not valid' } });
    }
    if (req.url?.startsWith('/api/v1/calls/export')) {
      if (!validAccess.has(auth.replace('Bearer ', ''))) return json(res, 401, { error: { code: 'unauthenticated', message: 'sign in first' } });
      res.writeHead(200, { 'Content-Type': 'text/csv' });
      res.write('id,model\n');
      for (let i = 0; i < 2000; i++) res.write(`call-${i},gpt-4o-mini\n`);
      return res.end();
    }
    if (req.url?.startsWith('/api/v1/plugins')) {
      if (auth === 'Bearer sk-test0000000000000000secret' || validAccess.has(auth.replace('Bearer ', ''))) {
        return json(res, 200, { items: [{ id: 'provider-mock' }], next_cursor: null });
      }
      return json(res, 401, { error: { code: 'unauthenticated', message: 'sign in first' } });
    }
    res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end('boom');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  validAccess = new Set();
  validRefresh = new Set();
  refreshCalls = 0;
  seenAuth.length = 0;
});

function client(onSignedOut?: () => void) {
  const session = createSessionStore(null);
  return { session, api: new ApiClient({ baseUrl, session, onSignedOut }) };
}

describe('ApiClient', () => {
  it('logs in and sends the access token as a bearer token', async () => {
    const { session, api } = client();
    await api.login('ada@example.com', 'secret');
    const page = await api.get<{ items: { id: string }[] }>('/api/v1/plugins');
    expect(page.items[0]?.id).toBe('provider-mock');
    expect(seenAuth.at(-1)).toMatch(/^Bearer at-\d+$/);
    expect(session.get()).toMatchObject({ kind: 'user', email: 'ada@example.com' });
  });

  it('turns error bodies into ApiError with code and message', async () => {
    const { api } = client();
    const error = await api.login('ada@example.com', 'wrong').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_credentials', message: 'wrong email or password' });
    const plain = await api.get('/other').catch((e: unknown) => e);
    expect(plain).toMatchObject({ status: 500, code: 'http_500', message: 'boom' });
  });

  it('refreshes once on a 401 for concurrent calls and retries them with the new token', async () => {
    const { session, api } = client();
    await api.login('ada@example.com', 'secret');
    validAccess.clear(); // the access token expired on the server
    const results = await Promise.all([1, 2, 3].map(() => api.get<{ items: unknown[] }>('/api/v1/plugins')));
    expect(results.every((r) => r.items.length === 1)).toBe(true);
    expect(refreshCalls).toBe(1);
    const current = session.get();
    expect(current?.kind === 'user' && validAccess.has(current.accessToken)).toBe(true);
  });

  it('signs out when the refresh token is rejected', async () => {
    let signedOut = 0;
    const { session, api } = client(() => (signedOut += 1));
    await api.login('ada@example.com', 'secret');
    validAccess.clear();
    validRefresh.clear();
    const error = await api.get('/api/v1/plugins').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401 });
    expect(session.get()).toBeNull();
    expect(signedOut).toBe(1);
  });

  it('uses an API key secret as the bearer token and signs out when it is rejected', async () => {
    const { session, api } = client();
    session.set({ kind: 'key', secret: apiKeySecret('pk-test1234abcd:sk-test0000000000000000secret')! });
    await api.get('/api/v1/plugins');
    expect(seenAuth.at(-1)).toBe('Bearer sk-test0000000000000000secret');
    session.set({ kind: 'key', secret: 'sk-revoked0000000000' });
    await expect(api.get('/api/v1/plugins')).rejects.toMatchObject({ status: 401 });
    expect(refreshCalls).toBe(0);
    expect(session.get()).toBeNull();
  });

  it('downloads a streamed export with progress, refreshing an expired token first', async () => {
    const { api } = client();
    await api.login('ada@example.com', 'secret');
    validAccess.clear();
    const progress: number[] = [];
    const blob = await api.download('/api/v1/calls/export', { format: 'csv', status: 'error' }, (bytes) => progress.push(bytes));
    const text = await blob.text();
    expect(text.split('\n').filter(Boolean)).toHaveLength(2001);
    expect(blob.type).toBe('text/csv');
    expect(progress.at(-1)).toBe(blob.size);
    expect(refreshCalls).toBe(1);
  });

  it('reports an unreachable server as a network error', async () => {
    const session = createSessionStore(null);
    const api = new ApiClient({ baseUrl: 'http://127.0.0.1:9', session });
    await expect(api.get('/api/v1/plugins')).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});

describe('apiKeySecret', () => {
  it('accepts sk-… or pk-…:sk-… and rejects anything else', () => {
    expect(apiKeySecret(' sk-abcdefgh1234 ')).toBe('sk-abcdefgh1234');
    expect(apiKeySecret('pk-x:sk-abcdefgh1234')).toBe('sk-abcdefgh1234');
    expect(apiKeySecret('pk-only')).toBeNull();
    expect(apiKeySecret('sk-short')).toBeNull();
  });
});
