import type { LiveCall, LiveDeltaMessage } from '../../api/types';

/** What the live feed added since the page subscribed, and the newest calls (newest first). */
export interface LiveTotals {
  calls: number;
  errors: number;
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
  recent: LiveCall[];
  lastAt: string | null;
}

export const EMPTY_TOTALS: LiveTotals = { calls: 0, errors: 0, costUsd: 0, inputTokens: 0, outputTokens: 0, recent: [], lastAt: null };

export const RECENT_LIMIT = 12;

/** Folds one delta into the totals; recent calls are de-duplicated by id and capped. */
export function addDelta(totals: LiveTotals, delta: LiveDeltaMessage): LiveTotals {
  const incoming = [...(delta.recent_calls ?? [])].sort((a, b) => b.started_at.localeCompare(a.started_at));
  const seen = new Set<string>();
  const recent = [...incoming, ...totals.recent].filter((c) => !seen.has(c.id) && seen.add(c.id)).slice(0, RECENT_LIMIT);
  return {
    calls: totals.calls + (delta.calls ?? 0),
    errors: totals.errors + (delta.errors ?? 0),
    costUsd: totals.costUsd + (Number(delta.cost_usd) || 0),
    inputTokens: totals.inputTokens + (delta.input_tokens ?? 0),
    outputTokens: totals.outputTokens + (delta.output_tokens ?? 0),
    recent,
    lastAt: delta.at ?? totals.lastAt,
  };
}

/** The feed's address for the page's origin: `ws(s)://host/ws/metrics?access_token=…[&project_id=…]`. */
export function liveUrl(location: Pick<Location, 'protocol' | 'host'>, token: string, projectId: string | null): string {
  const params = new URLSearchParams({ access_token: token });
  if (projectId) params.set('project_id', projectId);
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/metrics?${params.toString()}`;
}

/** Reconnect delay after `failures` consecutive failed connections: 1 s doubling to 30 s. */
export function backoffMs(failures: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
}
