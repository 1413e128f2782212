/**
 * Copy-paste examples for the ways into Argus, written for the server the console runs on. Keys are
 * never filled in (the console does not know a key's secret after it was shown once): `pk-…:sk-…` stands
 * for a key of the project, made in Settings → API keys.
 */
import type { components } from '../../api/openapi.gen';

export interface ExampleContext {
  /** e.g. `https://argus.example.com`, where the console (and so the API) is served */
  origin: string;
  /** the signed-in user's current project; null with an API key session */
  project: { id: string; name: string } | null;
  /** what "now" is, for the ingest example's `started_at` */
  now: Date;
}

export interface Example {
  id: string;
  title: string;
  /** what it needs and what it does, one or two sentences */
  description: string;
  language: 'shell' | 'python' | 'typescript';
  code: string;
}

export const KEY_PLACEHOLDER = 'pk-…:sk-…';

function keyComment(ctx: ExampleContext, scope: string): string {
  const project = ctx.project ? ` of project "${ctx.project.name}"` : '';
  return `an API key${project} with the ${scope} scope (Settings → API keys)`;
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function examples(ctx: ExampleContext): Example[] {
  const host = ctx.origin.replace(/\/+$/, '');
  const call = {
    provider: 'openai',
    model: 'gpt-4o-mini',
    started_at: isoSeconds(ctx.now),
    latency_ms: 812,
    input: [{ role: 'user', content: 'Hi' }],
    output: 'Hello!',
    usage: { input_tokens: 12, output_tokens: 3 },
    user_id: 'u-42',
    tags: ['web'],
  } satisfies components['schemas']['NewCall'];
  // one field a line, values compact: short enough to read, still valid JSON
  const fields = Object.entries(call).map(([name, value]) => `    ${JSON.stringify(name)}: ${JSON.stringify(value)}`);
  const ingestBody = `{"calls": [{\n${fields.join(',\n')}\n  }]}`;
  const asUser = ctx.project
    ? `

# …or as yourself: a token from POST /api/v1/auth/login, and the project to act in
curl -s "${host}/api/v1/calls?limit=20" \\
  -H "Authorization: Bearer $ARGUS_TOKEN" \\
  -H "X-Argus-Project: ${ctx.project.id}"`
    : '';
  return [
    {
      id: 'curl-ingest',
      title: 'Record a call (curl)',
      description: 'POST /api/v1/ingest takes up to 1,000 calls in one request and answers once they are stored.',
      language: 'shell',
      code: `export ARGUS_KEY='${KEY_PLACEHOLDER}'   # ${keyComment(ctx, 'ingest')}
curl -s ${host}/api/v1/ingest \\
  -H "X-Argus-Key: $ARGUS_KEY" \\
  -H 'Content-Type: application/json' \\
  -d '${ingestBody}'`,
    },
    {
      id: 'curl-calls',
      title: 'List calls (curl)',
      description: 'GET /api/v1/calls with filters (model, status, q, from, to, …) and keyset pagination: pass next_cursor back as cursor.',
      language: 'shell',
      code: `export ARGUS_KEY='${KEY_PLACEHOLDER}'   # ${keyComment(ctx, 'read')}
curl -s "${host}/api/v1/calls?model=gpt-4o-mini&limit=20" \\
  -H "X-Argus-Key: $ARGUS_KEY"${asUser}`,
    },
    {
      id: 'openai-python',
      title: 'OpenAI SDK through the proxy (Python)',
      description:
        'Only the base URL and one header change. Your OpenAI key travels as usual (OPENAI_API_KEY) and is forwarded, never stored; every call is logged in the key’s project.',
      language: 'python',
      code: `from openai import OpenAI

client = OpenAI(
    base_url="${host}/proxy/openai/v1",
    default_headers={"X-Argus-Key": "${KEY_PLACEHOLDER}"},  # ${keyComment(ctx, 'proxy')}
)
reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "Hi"}])`,
    },
    {
      id: 'openai-typescript',
      title: 'OpenAI SDK through the proxy (TypeScript)',
      description: 'The same with the Node SDK.',
      language: 'typescript',
      code: `import OpenAI from 'openai';

const client = new OpenAI({
  baseURL: '${host}/proxy/openai/v1',
  defaultHeaders: { 'X-Argus-Key': '${KEY_PLACEHOLDER}' }, // ${keyComment(ctx, 'proxy')}
});`,
    },
    {
      id: 'anthropic-python',
      title: 'Anthropic SDK through the proxy (Python)',
      description: 'The base URL has no /v1: the SDK adds /v1/messages. Your Anthropic key (ANTHROPIC_API_KEY) is forwarded as x-api-key.',
      language: 'python',
      code: `from anthropic import Anthropic

client = Anthropic(
    base_url="${host}/proxy/anthropic",
    default_headers={"X-Argus-Key": "${KEY_PLACEHOLDER}"},  # ${keyComment(ctx, 'proxy')}
)
reply = client.messages.create(model="claude-3-5-haiku-latest", max_tokens=256, messages=[{"role": "user", "content": "Hi"}])`,
    },
    {
      id: 'anthropic-typescript',
      title: 'Anthropic SDK through the proxy (TypeScript)',
      description: 'The same with the Node SDK.',
      language: 'typescript',
      code: `import Anthropic from '@anthropic-ai/sdk';

const client = new Anthropic({
  baseURL: '${host}/proxy/anthropic',
  defaultHeaders: { 'X-Argus-Key': '${KEY_PLACEHOLDER}' }, // ${keyComment(ctx, 'proxy')}
});`,
    },
    {
      id: 'otlp',
      title: 'OpenTelemetry exporter',
      description:
        'Spans with GenAI semantic-convention attributes become calls, with their trace tree. OTLP over HTTP: protobuf (the SDKs’ default) or JSON, gzip or not; gRPC is not served.',
      language: 'shell',
      code: `export OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=${host}/v1/traces
export OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/protobuf   # or http/json
export OTEL_EXPORTER_OTLP_HEADERS=X-Argus-Key=${KEY_PLACEHOLDER}   # ${keyComment(ctx, 'ingest')}`,
    },
  ];
}
