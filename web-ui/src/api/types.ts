/** Wire shapes of the Argus REST API (snake_case, ISO-8601 UTC times, US-dollar decimals). */

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface PluginExtension {
  id: string;
  kind: string;
  name: string;
  state: string;
  problem: string | null;
}

export interface Plugin {
  id: string;
  version: string | null;
  state: string;
  source: string;
  jar: string | null;
  error: string | null;
  extensions: PluginExtension[];
}

export interface Usage {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_write_input_tokens?: number | null;
  reasoning_tokens?: number | null;
}

export interface CallError {
  category: string;
  message: string | null;
  http_status: number | null;
}

export interface ChatMessage {
  role: string;
  content: unknown;
  name?: string;
}

export interface Call {
  id: string;
  provider: string;
  model: string;
  status: 'success' | 'error' | string;
  error: CallError | null;
  started_at: string;
  ended_at: string | null;
  latency_ms: number | null;
  time_to_first_token_ms: number | null;
  usage: Usage | null;
  /** a decimal string or number; null when the model has no known price */
  cost_usd: string | number | null;
  user_id: string | null;
  session_id: string | null;
  trace_id: string | null;
  span_id?: string | null;
  prompt: { name: string; version: number | string | null } | null;
  tags: string[] | null;
  metadata: Record<string, unknown> | null;
  input?: ChatMessage[] | string | null;
  output?: ChatMessage | string | null;
  rate_limit?: Record<string, unknown> | null;
}

export type Trend = 'up' | 'down' | 'stable';

export interface MetricCard {
  value: number | string | null;
  /** relative change against the previous equal period, e.g. 0.12 for +12 % */
  change: number | null;
  period: string;
  trend: Trend;
}

export interface DashboardMetrics {
  cards: Partial<Record<DashboardCardKey, MetricCard>>;
}

export type DashboardCardKey =
  | 'total_requests'
  | 'avg_latency_ms'
  | 'p95_latency_ms'
  | 'total_cost_usd'
  | 'success_rate'
  | 'active_prompts'
  | 'avg_evaluation_score';

export type TimeseriesMetric =
  | 'requests'
  | 'latency_p50'
  | 'latency_p95'
  | 'latency_p99'
  | 'cost'
  | 'error_rate'
  | 'tokens_in'
  | 'tokens_out';

export interface TimeseriesPoint {
  /** bucket start, ISO-8601 */
  t: string;
  v: number | string | null;
}

export interface TimeseriesSeries {
  /** the group value (provider, model, …), or null for the ungrouped total */
  key: string | null;
  points: TimeseriesPoint[];
}

/**
 * `GET /api/v1/metrics/timeseries`. The analytics API is still being built; the console reads this
 * shape and renders "no data yet" while the route answers 404.
 */
export interface Timeseries {
  metric: TimeseriesMetric;
  interval: string;
  series: TimeseriesSeries[];
}

export type ProjectRole = 'owner' | 'admin' | 'member' | 'viewer';

/** `GET /api/v1/auth/me`: the signed-in user and the projects they belong to. */
export interface Me {
  user: { id: string; email: string; display_name: string | null; instance_admin: boolean; created_at: string };
  projects: { id: string; name: string; organization_id: string; role: ProjectRole }[];
}

/** A new call as the live feed shows it. */
export interface LiveCall {
  id: string;
  provider: string;
  model: string;
  status: string;
  latency_ms: number;
  cost_usd: number | string | null;
  started_at: string;
}

/** `WebSocket /ws/metrics`: what committed ingest batches added since the previous message. */
export interface LiveDeltaMessage {
  type: 'delta';
  project_id: string;
  provider: string;
  model: string;
  calls: number;
  errors: number;
  errors_by_category: Record<string, number>;
  cost_usd: number | string;
  input_tokens: number;
  output_tokens: number;
  latency_buckets: number[];
  recent_calls: LiveCall[];
  at: string;
}
