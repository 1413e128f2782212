import type { AlertComparator, AlertMetric, AlertRule, AlertRuleInput, AlertSeverity } from '../../api/types';
import type { Tone } from '../../components/ui';
import { formatCount, formatDuration, formatPercent, formatUsd } from '../../lib/format';

/** The metrics a rule can watch, as the API names them, with how their values read. */
export const ALERT_METRICS: { id: AlertMetric; label: string; unit: string; format: (v: number) => string }[] = [
  { id: 'error_rate', label: 'Error rate', unit: 'ratio 0–1, e.g. 0.05 for 5 %', format: (v) => formatPercent(v) },
  { id: 'latency_p95', label: 'Latency p95', unit: 'milliseconds', format: (v) => formatDuration(v) },
  { id: 'latency_p99', label: 'Latency p99', unit: 'milliseconds', format: (v) => formatDuration(v) },
  { id: 'latency_p50', label: 'Latency p50', unit: 'milliseconds', format: (v) => formatDuration(v) },
  { id: 'requests', label: 'Requests', unit: 'calls in the window', format: (v) => formatCount(v) },
  { id: 'cost', label: 'Cost', unit: 'US dollars in the window', format: (v) => formatUsd(v) },
  { id: 'cost_per_user', label: 'Cost per user', unit: 'US dollars per end user in the window', format: (v) => formatUsd(v) },
  { id: 'tokens', label: 'Tokens', unit: 'input + output tokens in the window', format: (v) => formatCount(v) },
];

export const COMPARATORS: { id: AlertComparator; symbol: string; label: string }[] = [
  { id: 'gt', symbol: '>', label: 'above' },
  { id: 'gte', symbol: '≥', label: 'at or above' },
  { id: 'lt', symbol: '<', label: 'below' },
  { id: 'lte', symbol: '≤', label: 'at or below' },
];

export const SEVERITIES: AlertSeverity[] = ['info', 'warning', 'critical'];

export function severityTone(severity: string): Tone {
  return severity === 'critical' ? 'red' : severity === 'warning' ? 'amber' : 'brand';
}

/** A metric value as its metric reads ("5.0%", "1.20 s", "$3.10"); unknown metrics as plain numbers. */
export function formatMetric(metric: string, value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '—';
  const m = ALERT_METRICS.find((x) => x.id === metric);
  return m ? m.format(value) : String(value);
}

/** "Error rate > 5.0% over 5 min, for 2 min" */
export function describeCondition(rule: Pick<AlertRuleInput, 'metric' | 'comparator' | 'threshold' | 'window_seconds' | 'for_seconds'>): string {
  const metric = ALERT_METRICS.find((m) => m.id === rule.metric)?.label ?? rule.metric;
  const symbol = COMPARATORS.find((c) => c.id === rule.comparator)?.symbol ?? rule.comparator;
  const forSeconds = rule.for_seconds ?? 0;
  const held = forSeconds > 0 ? `, for ${minutes(forSeconds)}` : '';
  return `${metric} ${symbol} ${formatMetric(rule.metric, rule.threshold)} over ${minutes(rule.window_seconds)}${held}`;
}

function minutes(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** The rule form's fields, as typed (strings), so half-typed numbers survive re-renders. */
export interface RuleForm {
  name: string;
  metric: string;
  provider: string;
  model: string;
  prompt_name: string;
  window_minutes: string;
  comparator: AlertComparator;
  threshold: string;
  for_minutes: string;
  cooldown_minutes: string;
  severity: AlertSeverity;
  channel_ids: string[];
  enabled: boolean;
}

export const NEW_RULE: RuleForm = {
  name: '',
  metric: 'error_rate',
  provider: '',
  model: '',
  prompt_name: '',
  window_minutes: '5',
  comparator: 'gt',
  threshold: '',
  for_minutes: '0',
  cooldown_minutes: '30',
  severity: 'warning',
  channel_ids: [],
  enabled: true,
};

export function ruleToForm(rule: AlertRule): RuleForm {
  return {
    name: rule.name,
    metric: rule.metric,
    provider: rule.provider ?? '',
    model: rule.model ?? '',
    prompt_name: rule.prompt_name ?? '',
    window_minutes: String(rule.window_seconds / 60),
    comparator: rule.comparator,
    threshold: String(rule.threshold),
    for_minutes: String(rule.for_seconds / 60),
    cooldown_minutes: String(rule.cooldown_seconds / 60),
    severity: rule.severity,
    channel_ids: rule.channel_ids,
    enabled: rule.enabled,
  };
}

function wholeMinutes(text: string, field: string, min: number, max: number): number | string {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(n) || n < min || n > max) return `${field} must be a whole number of minutes from ${min} to ${max}.`;
  return n * 60;
}

/**
 * Checks the form the way the API does (so most mistakes are caught before sending) and builds the
 * request body; a string is the first problem found.
 */
export function formToRule(form: RuleForm): AlertRuleInput | string {
  const name = form.name.trim();
  if (!name || name.length > 200) return 'Name is required (up to 200 characters).';
  const metric = ALERT_METRICS.find((m) => m.id === form.metric)?.id;
  if (!metric) return 'Choose a metric.';
  const threshold = Number(form.threshold.trim());
  if (form.threshold.trim() === '' || !Number.isFinite(threshold)) return 'Threshold must be a number.';
  const window = wholeMinutes(form.window_minutes, 'Window', 1, 10_080);
  if (typeof window === 'string') return window;
  const held = wholeMinutes(form.for_minutes, 'Pending for', 0, 1_440);
  if (typeof held === 'string') return held;
  const cooldown = wholeMinutes(form.cooldown_minutes, 'Cooldown', 0, 10_080);
  if (typeof cooldown === 'string') return cooldown;
  const optional = (v: string) => (v.trim() === '' ? null : v.trim());
  return {
    name,
    metric,
    provider: optional(form.provider),
    model: optional(form.model),
    prompt_name: optional(form.prompt_name),
    window_seconds: window,
    comparator: form.comparator,
    threshold,
    for_seconds: held,
    cooldown_seconds: cooldown,
    severity: form.severity,
    channel_ids: form.channel_ids,
    enabled: form.enabled,
  };
}
