import type { Query } from '../../api/client';

/**
 * The call explorer's filters, kept in the page URL so a view can be reloaded, bookmarked and shared.
 * URL parameter names are the API's, plus `range` for a relative time window.
 */
export const RANGES = {
  '15m': 15 * 60_000,
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
} as const;

export type RangeKey = keyof typeof RANGES | 'all' | 'custom';

export const DEFAULT_RANGE: RangeKey = '24h';

export const TEXT_FILTERS = ['provider', 'model', 'status', 'error_category', 'user_id', 'session_id', 'prompt', 'q'] as const;
export type TextFilter = (typeof TEXT_FILTERS)[number];

export type CallFilters = {
  range: RangeKey;
  /** ISO-8601, only with range "custom" */
  from?: string;
  to?: string;
  tags: string[];
} & Partial<Record<TextFilter, string>>;

export const STATUSES = ['success', 'error'] as const;
export const ERROR_CATEGORIES = [
  'rate_limit',
  'timeout',
  'auth',
  'invalid_request',
  'context_length',
  'content_filter',
  'overloaded',
  'server_error',
  'network',
] as const;

function isRange(value: string | null): value is RangeKey {
  return value !== null && (value in RANGES || value === 'all' || value === 'custom');
}

function validIso(value: string | null): string | undefined {
  if (!value) return undefined;
  return Number.isNaN(Date.parse(value)) ? undefined : value;
}

/** Reads filters from a URL query; unknown or malformed values fall back to the defaults. */
export function filtersFromSearch(params: URLSearchParams): CallFilters {
  const from = validIso(params.get('from'));
  const to = validIso(params.get('to'));
  const rangeParam = params.get('range');
  const range: RangeKey = from || to ? 'custom' : isRange(rangeParam) && rangeParam !== 'custom' ? rangeParam : DEFAULT_RANGE;
  const filters: CallFilters = { range, tags: params.getAll('tag').map((t) => t.trim()).filter(Boolean) };
  if (range === 'custom') {
    if (from) filters.from = from;
    if (to) filters.to = to;
  }
  for (const key of TEXT_FILTERS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

/** Writes filters to a URL query, leaving out defaults and empty values so URLs stay short. */
export function filtersToSearch(filters: CallFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.range === 'custom') {
    if (filters.from) params.set('from', filters.from);
    if (filters.to) params.set('to', filters.to);
  } else if (filters.range !== DEFAULT_RANGE) {
    params.set('range', filters.range);
  }
  for (const key of TEXT_FILTERS) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  for (const tag of filters.tags) params.append('tag', tag);
  return params;
}

/** The `GET /api/v1/calls` query for the filters, resolving a relative range against `now`. */
export function filtersToQuery(filters: CallFilters, now: number): Query {
  const query: Query = {};
  if (filters.range === 'custom') {
    query.from = filters.from;
    query.to = filters.to;
  } else if (filters.range !== 'all') {
    query.from = new Date(now - RANGES[filters.range]).toISOString();
  }
  for (const key of TEXT_FILTERS) query[key] = filters[key];
  if (filters.tags.length > 0) query.tag = filters.tags;
  return query;
}

/** How many filters beyond the time range are set (for the "n filters" badge). */
export function activeFilterCount(filters: CallFilters): number {
  return TEXT_FILTERS.filter((k) => k !== 'q' && filters[k]).length + filters.tags.length;
}
