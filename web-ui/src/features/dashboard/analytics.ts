import type { Query } from '../../api/client';
import type { CostGroup, LatencyDistribution, RateLimitSnapshot } from '../../api/types';
import { formatDuration } from '../../lib/format';
import { RANGES, type CallFilters } from '../calls/callFilters';

/**
 * The analytics API covers at most 400 days per request and defaults to the last 24 hours, so "all
 * time" asks for the longest range it serves (a day short, as the server widens the range to whole
 * minutes).
 */
export const ALL_TIME_MS = 399 * 86_400_000;

/**
 * The query every analytics route takes for the dashboard's filters: the range and the dimension
 * filters. A relative range ends at the next whole minute and spans exactly its length, so the server
 * (which widens ranges to whole minutes) compares it with a previous period of the same length ("1d",
 * not "1441m").
 */
export function analyticsQuery(filters: CallFilters, now: number): Query {
  const query: Query = {};
  if (filters.range === 'custom') {
    query.from = filters.from;
    query.to = filters.to;
  } else {
    const to = Math.ceil(now / 60_000) * 60_000;
    query.from = new Date(to - (filters.range === 'all' ? ALL_TIME_MS : RANGES[filters.range])).toISOString();
    query.to = new Date(to).toISOString();
  }
  query.provider = filters.provider;
  query.model = filters.model;
  query.prompt = filters.prompt;
  return query;
}

export interface HistogramBar {
  label: string;
  count: number;
  /** share of all calls in the range, 0…1 */
  share: number;
}

/** Histogram buckets as labelled bars: "100 ms – 250 ms", the open last bucket "≥ 60.0 s". */
export function histogramBars(distribution: LatencyDistribution | undefined): HistogramBar[] {
  if (!distribution || distribution.total <= 0) return [];
  return distribution.buckets
    .filter((b) => b.count > 0)
    .map((b) => ({
      label: b.upper_ms === null ? `≥ ${formatDuration(b.lower_ms)}` : `${formatDuration(b.lower_ms)} – ${formatDuration(b.upper_ms)}`,
      count: b.count,
      share: b.count / distribution.total,
    }));
}

export interface CostShare {
  key: string;
  cost: number;
  calls: number;
  /** share of the listed groups' total cost, 0…1 */
  share: number;
}

/** Cost groups with their share of the total, costliest first; the rest beyond `top` folded into "other". */
export function costShares(items: CostGroup[] | undefined, top = 6, unnamed = '(none)'): CostShare[] {
  const rows = (items ?? []).map((g) => ({ key: g.key ?? unnamed, cost: Number(g.cost_usd) || 0, calls: g.calls }));
  rows.sort((a, b) => b.cost - a.cost || b.calls - a.calls);
  const total = rows.reduce((sum, r) => sum + r.cost, 0);
  const head = rows.slice(0, top);
  const rest = rows.slice(top);
  if (rest.length > 0) head.push({ key: `${rest.length} other`, cost: rest.reduce((s, r) => s + r.cost, 0), calls: rest.reduce((s, r) => s + r.calls, 0) });
  return head.map((r) => ({ ...r, share: total > 0 ? r.cost / total : 0 }));
}

export type HeadroomTone = 'green' | 'amber' | 'red';

export interface Headroom {
  remaining: number;
  limit: number;
  /** remaining / limit, 0…1 */
  ratio: number;
  tone: HeadroomTone;
}

/**
 * What is left of a rate limit; null when the provider did not report both as numbers (a value that is not
 * a whole number comes as the provider's text). Under 10 % is red, under 30 % amber.
 */
export function headroom(remaining: number | string | null | undefined, limit: number | string | null | undefined): Headroom | null {
  if (typeof remaining !== 'number' || typeof limit !== 'number' || !(limit > 0)) return null;
  const ratio = Math.min(1, Math.max(0, remaining / limit));
  return { remaining, limit, ratio, tone: ratio < 0.1 ? 'red' : ratio < 0.3 ? 'amber' : 'green' };
}

/** Snapshots ordered tightest first (lowest request or token headroom), so the one about to throttle leads. */
export function byTightestHeadroom(items: RateLimitSnapshot[]): RateLimitSnapshot[] {
  const least = (s: RateLimitSnapshot) =>
    Math.min(headroom(s.requests_remaining, s.requests_limit)?.ratio ?? 1, headroom(s.tokens_remaining, s.tokens_limit)?.ratio ?? 1);
  return [...items].sort((a, b) => least(a) - least(b) || `${a.provider}/${a.model}`.localeCompare(`${b.provider}/${b.model}`));
}
