import { describe, expect, it } from 'vitest';
import type { paths } from '../../api/openapi.gen';
import { examples, KEY_PLACEHOLDER, type Example } from './examples';

const ctx = { origin: 'https://argus.example.com/', project: { id: '0190a1b2-0000-7000-8000-000000000001', name: 'shop' }, now: new Date('2026-11-28T10:00:00.123Z') };

// documented paths (the type check fails when one is gone from the document)
const INGEST: keyof paths = '/api/v1/ingest';
const CALLS: keyof paths = '/api/v1/calls';
const OPENAI: keyof paths = '/proxy/openai/v1/{path}';
const ANTHROPIC: keyof paths = '/proxy/anthropic/v1/{path}';
const OTLP: keyof paths = '/v1/traces';

/** Whether a request path is the documented one (`{path}` stands for the rest of the path). */
function matches(template: string, path: string): boolean {
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace('{path}', '.+');
  return new RegExp(`^${pattern}$`).test(path);
}

function byId(id: string): Example {
  const example = examples(ctx).find((e) => e.id === id);
  if (!example) throw new Error(`no example ${id}`);
  return example;
}

/** The value of `name="…"` / `name: '…'` / `NAME=…` in a snippet. */
function setting(code: string, name: string): string {
  const match = new RegExp(`${name}\\s*[=:]\\s*["']?([^"'\\s,]+)`).exec(code);
  if (!match?.[1]) throw new Error(`${name} not in ${code}`);
  return match[1];
}

describe('API examples', () => {
  it('sends a valid ingest request to this server with the key in X-Argus-Key', () => {
    const { code } = byId('curl-ingest');
    expect(code).toContain(`curl -s https://argus.example.com${INGEST} `);
    expect(code).toContain('-H "X-Argus-Key: $ARGUS_KEY"');
    expect(code).toContain(`export ARGUS_KEY='${KEY_PLACEHOLDER}'`);
    const body = JSON.parse(/-d '(.+)'$/s.exec(code)?.[1] ?? '');
    expect(body.calls).toHaveLength(1);
    expect(body.calls[0]).toMatchObject({ provider: 'openai', model: 'gpt-4o-mini', started_at: '2026-11-28T10:00:00Z', latency_ms: 812 });
  });

  it('lists calls with a key, and as the user in their current project', () => {
    const { code } = byId('curl-calls');
    expect(code).toContain(`"https://argus.example.com${CALLS}?model=gpt-4o-mini&limit=20"`);
    expect(code).toContain(`-H "X-Argus-Project: ${ctx.project.id}"`);
    expect(code).toContain('project "shop" with the read scope');
    const keyOnly = examples({ ...ctx, project: null }).find((e) => e.id === 'curl-calls')!.code;
    expect(keyOnly).not.toContain('X-Argus-Project');
    expect(keyOnly).not.toContain('project "');
  });

  it('points the OpenAI SDKs at the proxy, whose paths the SDK completes to documented ones', () => {
    for (const id of ['openai-python', 'openai-typescript']) {
      const { code } = byId(id);
      const base = new URL(setting(code, id.endsWith('python') ? 'base_url' : 'baseURL'));
      expect(base.origin).toBe('https://argus.example.com');
      expect(matches(OPENAI, `${base.pathname}/chat/completions`)).toBe(true);
      expect(code).toMatch(new RegExp(`["']X-Argus-Key["']: ["']${KEY_PLACEHOLDER}["']`));
    }
  });

  it('points the Anthropic SDKs at the proxy without /v1, which the SDK adds', () => {
    for (const id of ['anthropic-python', 'anthropic-typescript']) {
      const { code } = byId(id);
      const base = new URL(setting(code, id.endsWith('python') ? 'base_url' : 'baseURL'));
      expect(base.pathname).toBe('/proxy/anthropic');
      expect(matches(ANTHROPIC, `${base.pathname}/v1/messages`)).toBe(true);
      expect(code).toMatch(new RegExp(`["']X-Argus-Key["']: ["']${KEY_PLACEHOLDER}["']`));
    }
  });

  it('configures the OTLP trace exporter for the HTTP receiver with a key header', () => {
    const { code } = byId('otlp');
    expect(setting(code, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT')).toBe(`https://argus.example.com${OTLP}`);
    expect(setting(code, 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL')).toMatch(/^http\//);
    expect(code).toContain(`OTEL_EXPORTER_OTLP_HEADERS=X-Argus-Key=${KEY_PLACEHOLDER}`);
    expect(code).toContain('with the ingest scope');
  });

  it('never needs a project to be known, and matches documented paths only', () => {
    expect(matches(OPENAI, '/proxy/openai/chat/completions')).toBe(false);
    expect(examples({ ...ctx, project: null }).map((e) => e.id)).toEqual(examples(ctx).map((e) => e.id));
  });
});
