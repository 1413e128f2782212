/**
 * Wire shapes of the Argus REST API (snake_case, ISO-8601 UTC times, US-dollar numbers), taken from the
 * types `openapi-typescript` generates from the OpenAPI document (`openapi.gen.ts`, `npm run api:types`),
 * so a changed schema breaks the console's type check. The few names here that the document does not
 * have are derived from its types, or are the console's own (`Page`, `DashboardCardKey`).
 */
import type { components } from './openapi.gen';

type Schemas = components['schemas'];

/** Any keyset-paginated list. */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export type Plugin = Schemas['Plugin'];
export type PluginExtension = Plugin['extensions'][number];

export type Usage = Schemas['CallUsage'];
export type CallError = NonNullable<Schemas['CallError']>;

/** A call of the list (with previews) or of the detail (with the payloads and the rate-limit snapshot). */
export type CallSummary = Schemas['CallSummary'];
export type CallDetail = Schemas['CallDetail'];
export type Call = Schemas['CallCommon'] & Partial<Pick<CallSummary, 'input_preview' | 'output_preview'>> & Partial<Pick<CallDetail, 'input' | 'output' | 'input_text' | 'output_text' | 'rate_limit'>>;

export type MetricCard = Schemas['MetricCard'];
export type Trend = MetricCard['trend'];
export type DashboardMetrics = Schemas['DashboardMetrics'];
export type DashboardCardKey = keyof DashboardMetrics['cards'];

/** `GET /api/v1/metrics/timeseries`: the whole requested range, bucket-aligned; points exist only where there is data. */
export type Timeseries = Schemas['TimeSeries'];
export type TimeseriesMetric = Timeseries['metric'];
export type TimeseriesSeries = Timeseries['series'][number];
export type TimeseriesPoint = TimeseriesSeries['points'][number];

export type ProjectRole = Schemas['Role'];

/** `GET /api/v1/auth/me`: the signed-in user and the projects they belong to. */
export type Me = Schemas['Me'];

/** `WebSocket /ws/metrics`: what committed ingest batches added since the previous message. */
export type LiveDeltaMessage = Schemas['LiveDeltaMessage'];
/** A new call as the live feed shows it. */
export type LiveCall = LiveDeltaMessage['recent_calls'][number];

/** `GET /api/v1/metrics/latency-distribution`: non-empty histogram buckets over the range. */
export type LatencyDistribution = Schemas['LatencyDistribution'];

export type CostGroup = Schemas['CostGroup'];
export type SpendInterval = Schemas['SpendPrediction'];
/** `GET /api/v1/analytics/costs?group_by=…`: spend per group, costliest first, and a spend forecast. */
export type CostAnalytics = Schemas['CostAnalytics'];

/** One provider/model's newest rate-limit snapshot (`GET /api/v1/analytics/rate-limits`). */
export type RateLimitSnapshot = Schemas['RateLimitHeadroom'];

// ---- prompts ---------------------------------------------------------------------------------

export type PromptSummary = Schemas['PromptSummary'];
export type PromptAuthor = Schemas['Author'];
export type PromptVersion = Schemas['PromptVersion'];
export type PromptLabels = Schemas['PromptLabels'];
export type PromptDiff = Schemas['PromptDiff'];
export type RenderedPrompt = Schemas['RenderedPrompt'];
export type Experiment = Schemas['Experiment'];

// ---- evaluations -----------------------------------------------------------------------------

export type EvaluationSummary = Schemas['EvaluationSummary'];
export type EvaluationStatus = EvaluationSummary['status'];
export type Score = Schemas['Score'];
export type Evaluation = Schemas['EvaluationDetail'];
export type EvaluationItem = Evaluation['items'][number];
export type CallScore = Schemas['CallScore'];

// ---- alerts ----------------------------------------------------------------------------------

export type AlertMetric = Schemas['AlertMetric'];
export type AlertSeverity = Schemas['AlertSeverity'];
export type AlertComparator = Schemas['AlertComparator'];
export type AlertRuleInput = Schemas['AlertRuleRequest'];
export type AlertRule = Schemas['AlertRule'];
export type AlertChannel = Schemas['AlertChannel'];
export type AlertEvent = Schemas['AlertEvent'];

// ---- settings --------------------------------------------------------------------------------

export type ApiKeyScope = Schemas['Scope'];
/** A key as listed: the secret is always masked. */
export type ApiKey = Schemas['ApiKey'];
/** The answer to creating a key: the only time its secret is shown (`key` is `pk-…:sk-…`, ready to paste). */
export type NewApiKey = Schemas['NewApiKey'];
export type Member = Schemas['Member'];
export type Invitation = Schemas['Invitation'];
export type NewInvitation = Schemas['NewInvitation'];
export type SecretInfo = Schemas['Secret'];

/** `POST /api/v1/auth/login` and `/refresh`. */
export type TokenPair = Schemas['TokenPair'];
