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
  /** why the value is null, when the server says */
  reason?: string;
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
  /** the whole requested range, bucket-aligned (ISO-8601); points exist only where there is data */
  from?: string;
  to?: string;
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

/** `GET /api/v1/metrics/latency-distribution`: non-empty histogram buckets over the range. */
export interface LatencyDistribution {
  from: string;
  to: string;
  total: number;
  p50_ms: number | null;
  p95_ms: number | null;
  p99_ms: number | null;
  /** `upper_ms` null for the open-ended last bucket */
  buckets: { lower_ms: number; upper_ms: number | null; count: number }[];
}

export interface CostGroup {
  key: string | null;
  calls: number;
  cost_usd: number | string;
  input_tokens: number;
  output_tokens: number;
}

export interface SpendInterval {
  predicted_usd: number | string;
  lower_usd: number | string;
  upper_usd: number | string;
}

/** `GET /api/v1/analytics/costs?group_by=…`: spend per group, costliest first, and a spend forecast. */
export interface CostAnalytics {
  group_by: 'provider' | 'model' | 'user' | 'prompt' | 'day';
  from: string;
  to: string;
  items: CostGroup[];
  forecast: {
    available: boolean;
    reason?: string;
    method: string;
    confidence: number;
    history_days?: number;
    slope_usd_per_day?: number | string;
    month_end?: { month: string; spent_before_today_usd: number | string; predicted_total_usd: number | string; lower_usd: number | string; upper_usd: number | string };
    next_30_days?: SpendInterval;
  };
}

/** One provider/model's newest rate-limit snapshot (`GET /api/v1/analytics/rate-limits`). */
export interface RateLimitSnapshot {
  provider: string;
  model: string;
  seen_at: string;
  requests_limit: number | null;
  requests_remaining: number | null;
  requests_reset: string | number | null;
  tokens_limit: number | null;
  tokens_remaining: number | null;
  tokens_reset: string | number | null;
  retry_after: string | number | null;
}

// ---- prompts ---------------------------------------------------------------------------------

export interface PromptSummary {
  name: string;
  latest_version: number;
  labels: Record<string, number>;
  created_at: string;
  updated_at: string;
}

export interface PromptAuthor {
  user_id: string | null;
  api_key_id: string | null;
}

export interface PromptVersion {
  name: string;
  version: number;
  type: 'text' | 'chat';
  template: string | null;
  messages: { role: string; content: string }[] | null;
  model: string | null;
  parameters: Record<string, unknown>;
  commit_message: string | null;
  author: PromptAuthor | null;
  labels: string[];
  variables: string[];
  created_at: string;
}

export interface PromptLabels {
  items: { label: string; version: number; updated_at: string }[];
  moves: { label: string; from_version: number | null; to_version: number; moved_by: PromptAuthor | null; moved_at: string }[];
}

export interface PromptDiff {
  name: string;
  from: number;
  to: number;
  added: number;
  removed: number;
  model_change: [string | null, string | null] | null;
  parameters_changed: boolean;
  lines: { op: 'equal' | 'insert' | 'delete'; old_line: number | null; new_line: number | null; text: string }[];
}

export interface RenderedPrompt {
  name: string;
  version: number;
  type: 'text' | 'chat';
  text: string | null;
  messages: { role: string; content: string }[] | null;
  model: string | null;
  parameters: Record<string, unknown>;
}

export interface Experiment {
  id: string;
  prompt: string;
  name: string;
  status: 'running' | 'stopped' | string;
  primary_metric: string;
  guardrails: string[];
  variants: { version: number; weight: number }[];
  created_at: string;
  stopped_at: string | null;
}

// ---- evaluations -----------------------------------------------------------------------------

export type EvaluationStatus = 'queued' | 'running' | 'completed' | 'completed_with_errors';

export interface EvaluationSummary {
  id: string;
  evaluator: string;
  config: Record<string, unknown>;
  source: 'items' | 'calls' | 'dataset' | string;
  dataset_id: string | null;
  created_at: string;
  status: EvaluationStatus | string;
  progress: { total: number; done: number; failed: number; running: number; queued: number };
  aggregate: { count: number; mean: number | null; p50: number | null; min: number | null; max: number | null };
}

export interface Score {
  value: number;
  label: string | null;
  explanation: string | null;
  details: Record<string, unknown> | null;
}

export interface EvaluationItem {
  position: number;
  call_id: string | null;
  dataset_item_id: string | null;
  status: 'queued' | 'running' | 'done' | 'dead' | string;
  attempts: number;
  error: string | null;
  score: Score | null;
}

export interface Evaluation extends EvaluationSummary {
  items: EvaluationItem[];
}

export interface CallScore extends Score {
  evaluation_id: string | null;
  evaluator: string;
  created_at: string;
}

// ---- alerts ----------------------------------------------------------------------------------

export type AlertSeverity = 'info' | 'warning' | 'critical';
export type AlertComparator = 'gt' | 'gte' | 'lt' | 'lte';

export interface AlertRuleInput {
  name: string;
  metric: string;
  provider: string | null;
  model: string | null;
  prompt_name: string | null;
  window_seconds: number;
  comparator: AlertComparator;
  threshold: number;
  for_seconds: number;
  cooldown_seconds: number;
  severity: AlertSeverity;
  channel_ids: string[];
  enabled: boolean;
}

export interface AlertRule extends AlertRuleInput {
  id: string;
  state: 'ok' | 'pending' | 'firing' | 'resolved' | string;
  last_value: number | null;
  last_evaluated_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AlertChannel {
  id: string;
  name: string;
  extension_id: string;
  settings: Record<string, string>;
  created_at: string;
  updated_at: string;
}

export interface AlertEvent {
  id: string;
  rule_id: string | null;
  rule_name: string;
  state: 'firing' | 'resolved' | string;
  severity: AlertSeverity | string;
  metric: string;
  value: number;
  threshold: number;
  observed: Record<string, unknown> | null;
  message: string | null;
  at: string;
  deliveries: { channel_id: string; status: string; attempts: number; detail: string | null; delivered_at: string | null }[];
}

// ---- settings --------------------------------------------------------------------------------

export type ApiKeyScope = 'ingest' | 'proxy' | 'read';

export interface ApiKey {
  id: string;
  name: string;
  public_key: string;
  /** always masked in listings */
  secret: string;
  scopes: ApiKeyScope[];
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** The answer to creating a key: the only time its secret is shown. */
export interface NewApiKey {
  id: string;
  name: string;
  public_key: string;
  secret: string;
  /** `pk-…:sk-…`, ready to paste */
  key: string;
  scopes: ApiKeyScope[];
  created_at: string;
}

export interface Member {
  user_id: string;
  email: string;
  display_name: string | null;
  role: ProjectRole;
  created_at: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: ProjectRole;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
}

export interface NewInvitation {
  id: string;
  email: string;
  role: ProjectRole;
  expires_at: string;
  token: string;
}

export interface SecretInfo {
  name: string;
  hint: string | null;
  created_at: string;
  updated_at: string;
}
