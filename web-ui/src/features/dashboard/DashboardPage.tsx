import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { ArrowDownRight, ArrowRight, ArrowUpRight, BarChart3, Radio } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { CostAnalytics, DashboardCardKey, DashboardMetrics, LatencyDistribution, MetricCard, RateLimitSnapshot, Timeseries, TimeseriesMetric } from '../../api/types';
import { api } from '../../app/api';
import { RangeSelect } from '../../components/RangeSelect';
import { Button, Card, ErrorState, PageHeader, Skeleton, cx } from '../../components/ui';
import { formatChange, formatCount, formatDuration, formatPercent, formatUsd } from '../../lib/format';
import { filtersFromSearch, filtersToSearch, type CallFilters } from '../calls/callFilters';
import { LivePanel } from '../live/LivePanel';
import { throttle } from '../live/throttle';
import { useLiveFeed } from '../live/useLiveFeed';
import { analyticsQuery } from './analytics';
import { CostBreakdown } from './CostBreakdown';
import { LatencyHistogram } from './LatencyHistogram';
import { ChartCard, NoData, isMissing } from './Panel';
import { RateLimitPanel } from './RateLimitPanel';
import { RecentAlerts } from './RecentAlerts';
import { TimeChart } from './TimeChart';
import { isEmpty, toChartData, type ChartData } from './timeseries';

const LIVE_REFRESH_MS = 15_000;

/** Which direction of change is good news for a card, for its colour. */
const CARDS: { key: DashboardCardKey; label: string; format: (v: MetricCard['value']) => string; upIsGood: boolean | null }[] = [
  { key: 'total_requests', label: 'Requests', format: (v) => formatCount(v, { compact: true }), upIsGood: null },
  { key: 'success_rate', label: 'Success rate', format: (v) => formatPercent(v), upIsGood: true },
  { key: 'avg_latency_ms', label: 'Avg latency', format: (v) => formatDuration(v), upIsGood: false },
  { key: 'p95_latency_ms', label: 'p95 latency', format: (v) => formatDuration(v), upIsGood: false },
  { key: 'total_cost_usd', label: 'Cost', format: (v) => formatUsd(v), upIsGood: false },
  { key: 'active_prompts', label: 'Active prompts', format: (v) => formatCount(v), upIsGood: null },
  { key: 'avg_evaluation_score', label: 'Avg eval score', format: (v) => (v == null ? '—' : Number(v).toFixed(2)), upIsGood: true },
];

function Metric({ id, label, card, format, upIsGood, loading }: { id: string; label: string; card: MetricCard | undefined; format: (v: MetricCard['value']) => string; upIsGood: boolean | null; loading: boolean }) {
  const trend = card?.trend ?? 'stable';
  const Arrow = trend === 'up' ? ArrowUpRight : trend === 'down' ? ArrowDownRight : ArrowRight;
  const good = upIsGood === null || trend === 'stable' ? null : (trend === 'up') === upIsGood;
  return (
    <Card className="px-4 py-3.5">
      <div className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{label}</div>
      {loading ? (
        <Skeleton className="mt-2 h-7 w-20" />
      ) : (
        <div className="tabular mt-1 text-2xl font-semibold tracking-tight text-zinc-900 dark:text-white" data-testid={`card-${id}`}>
          {card ? format(card.value) : '—'}
        </div>
      )}
      <div className="mt-1 flex h-4 items-center gap-1 overflow-hidden text-xs whitespace-nowrap">
        {card && card.change === null && card.value !== null && card.trend !== 'stable' && (
          <span className="truncate text-zinc-500 dark:text-zinc-400">none in prev. {card.period}</span>
        )}
        {card && card.change !== null && (
          <>
            <span
              className={cx(
                'inline-flex items-center gap-0.5 font-medium',
                good === true && 'text-emerald-600 dark:text-emerald-400',
                good === false && 'text-rose-600 dark:text-rose-400',
                good === null && 'text-zinc-500 dark:text-zinc-400',
              )}
            >
              <Arrow aria-hidden className="size-3.5" />
              {formatChange(card.change)}
            </span>
            <span className="truncate text-zinc-500 dark:text-zinc-400">vs prev. {card.period}</span>
          </>
        )}
      </div>
    </Card>
  );
}

interface SeriesRequest {
  metric: TimeseriesMetric;
  group_by?: string;
}

function useSeries(requests: SeriesRequest[], filters: CallFilters, live: boolean) {
  const key = filtersToSearch(filters).toString();
  return useQueries({
    queries: requests.map((r) => ({
      queryKey: ['timeseries', r.metric, r.group_by ?? '', key],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<Timeseries>('/api/v1/metrics/timeseries', { metric: r.metric, interval: 'auto', group_by: r.group_by, ...analyticsQuery(filters, Date.now()) }, signal),
      // a route the server does not have yet is not polled again until the page reloads
      refetchInterval: (query: { state: { error: unknown } }) => (live && !isMissing(query.state.error) ? LIVE_REFRESH_MS : false),
    })),
  });
}

type SeriesResult = ReturnType<typeof useSeries>[number];

/** Draws one chart from one or more answers (e.g. p50, p95 and p99 each from its own query). */
function SeriesChart({
  results,
  labels,
  format,
  kind,
  stacked = false,
  label,
}: {
  results: SeriesResult[];
  labels?: string[];
  format: (n: number) => string;
  kind?: 'line' | 'area' | 'bars';
  stacked?: boolean;
  label: string;
}) {
  const data = useMemo<ChartData>(() => {
    if (results.length === 1) return toChartData(results[0]!.data);
    const parts = results.map((r, i) => toChartData(r.data, labels?.[i] ?? `series ${i + 1}`));
    const x = [...new Set(parts.flatMap((p) => p.x))].sort((a, b) => a - b);
    return {
      x,
      range: parts.find((p) => p.range)?.range,
      series: parts.flatMap((p) =>
        p.series.map((s, j) => ({
          label: p.series.length === 1 ? s.label : `${s.label} ${j}`,
          values: x.map((t) => {
            const idx = p.x.indexOf(t);
            return idx < 0 ? null : (s.values[idx] ?? null);
          }),
        })),
      ),
    };
  }, [results, labels]);
  if (results.some((r) => r.isPending)) return <Skeleton className="h-[220px]" />;
  const failed = results.find((r) => r.isError && !isMissing(r.error));
  if (failed) return <ErrorState error={failed.error} onRetry={() => results.forEach((r) => void r.refetch())} />;
  if (results.some((r) => isMissing(r.error)) || isEmpty(data)) return <NoData missing={results.some((r) => isMissing(r.error))} />;
  return <TimeChart data={data} format={format} kind={kind} stacked={stacked} label={label} />;
}

const compactNumber = (n: number) => formatCount(n, { compact: true });

interface CostAnswer {
  data: CostAnalytics | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

export default function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(params), [params]);
  const [live, setLive] = useState(true);
  const key = filtersToSearch(filters).toString();
  const queryClient = useQueryClient();
  // live deltas refresh the cards and charts at most every 5 s (routes that answered 404 stay as they are)
  const refresh = useMemo(
    () =>
      throttle(() => {
        const stillServed = (q: { state: { error: unknown } }) => !isMissing(q.state.error);
        void queryClient.invalidateQueries({ queryKey: ['dashboard'], predicate: stillServed });
        void queryClient.invalidateQueries({ queryKey: ['timeseries'], predicate: stillServed });
      }, 5000),
    [queryClient],
  );
  useEffect(() => () => refresh.cancel(), [refresh]);
  const feed = useLiveFeed(live, (delta) => {
    if (delta.calls > 0) refresh.run();
  });

  const dashboard = useQuery({
    queryKey: ['dashboard', key],
    queryFn: ({ signal }) => api.get<DashboardMetrics>('/api/v1/metrics/dashboard', analyticsQuery(filters, Date.now()), signal),
    refetchInterval: (query) => (live && !isMissing(query.state.error) ? LIVE_REFRESH_MS : false),
  });
  const poll = (query: { state: { error: unknown } }) => (live && !isMissing(query.state.error) ? LIVE_REFRESH_MS : false);
  const distribution = useQuery({
    queryKey: ['dashboard', 'latency-distribution', key],
    queryFn: ({ signal }) => api.get<LatencyDistribution>('/api/v1/metrics/latency-distribution', analyticsQuery(filters, Date.now()), signal),
    refetchInterval: poll,
  });
  const [costByProvider, costByModel] = useQueries({
    queries: (['provider', 'model'] as const).map((groupBy) => ({
      queryKey: ['dashboard', 'costs', groupBy, key],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<CostAnalytics>('/api/v1/analytics/costs', { group_by: groupBy, ...analyticsQuery(filters, Date.now()) }, signal),
      refetchInterval: poll,
    })),
  }) as [CostAnswer, CostAnswer];
  const rateLimits = useQuery({
    queryKey: ['dashboard', 'rate-limits', key],
    queryFn: ({ signal }) => api.get<{ items: RateLimitSnapshot[] }>('/api/v1/analytics/rate-limits', analyticsQuery(filters, Date.now()), signal),
    refetchInterval: poll,
  });
  const series = useSeries(
    [
      { metric: 'requests', group_by: 'provider' },
      { metric: 'latency_p50' },
      { metric: 'latency_p95' },
      { metric: 'latency_p99' },
      { metric: 'cost', group_by: 'model' },
      { metric: 'error_rate', group_by: 'error_category' },
      { metric: 'tokens_in' },
      { metric: 'tokens_out' },
    ],
    filters,
    live,
  );
  const [requests, p50, p95, p99, cost, errors, tokensIn, tokensOut] = series as [SeriesResult, SeriesResult, SeriesResult, SeriesResult, SeriesResult, SeriesResult, SeriesResult, SeriesResult];
  const missing = isMissing(dashboard.error);

  return (
    <>
      <PageHeader
        title="Dashboard"
        description="Volume, latency, cost and errors of your LLM traffic."
        actions={
          <>
            <RangeSelect value={filters.range} onChange={(range) => setParams(filtersToSearch({ ...filters, range, from: undefined, to: undefined }))} />
            <Button onClick={() => setLive((l) => !l)} aria-pressed={live} className={cx(live && 'border-emerald-300 text-emerald-700 dark:border-emerald-700 dark:text-emerald-400')}>
              <Radio aria-hidden className={cx('size-3.5', live && 'animate-pulse')} /> {live ? 'Live' : 'Paused'}
            </Button>
          </>
        }
      />
      {missing && (
        <div role="status" className="mb-6 flex items-start gap-3 rounded-xl border border-dashed border-zinc-300 bg-white/60 px-4 py-3 text-sm dark:border-zinc-700 dark:bg-zinc-900/40">
          <BarChart3 aria-hidden className="mt-0.5 size-4 shrink-0 text-brand-500" />
          <p className="text-zinc-600 dark:text-zinc-300">
            <span className="font-medium text-zinc-900 dark:text-white">No data yet.</span> This server does not serve metrics yet (the metrics API answered
            404). Cards and charts fill in once calls are recorded and analytics is enabled; nothing here is sample data.
          </p>
        </div>
      )}
      {dashboard.isError && !missing && (
        <Card className="mb-6">
          <ErrorState error={dashboard.error} onRetry={() => dashboard.refetch()} />
        </Card>
      )}
      <LivePanel status={feed.status} totals={feed.totals} />
      <div className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-4 2xl:grid-cols-7" data-testid="metric-cards">
        {CARDS.map((c) => (
          <Metric key={c.key} id={c.key} label={c.label} card={dashboard.data?.cards[c.key]} format={c.format} upIsGood={c.upIsGood} loading={dashboard.isPending} />
        ))}
      </div>
      <div className="grid gap-4 xl:grid-cols-2">
        <ChartCard title="Requests" subtitle="Calls per interval by provider">
          <SeriesChart results={[requests]} format={compactNumber} kind="bars" stacked label="Requests per interval by provider" />
        </ChartCard>
        <ChartCard title="Latency" subtitle="p50, p95 and p99 from the latency histograms">
          <SeriesChart results={[p50, p95, p99]} labels={['p50', 'p95', 'p99']} format={(n) => formatDuration(n)} label="Latency percentiles over time" />
        </ChartCard>
        <ChartCard title="Latency distribution" subtitle="Calls per latency bucket over the range" testId="latency-distribution-card">
          <LatencyHistogram data={distribution.data} error={distribution.error} pending={distribution.isPending} onRetry={() => void distribution.refetch()} />
        </ChartCard>
        <ChartCard title="Error rate" subtitle="Share of failed calls by error category">
          <SeriesChart results={[errors]} format={(n) => formatPercent(n, 1)} label="Error rate by category" />
        </ChartCard>
        <ChartCard title="Cost" subtitle="US dollars per interval by model">
          <SeriesChart results={[cost]} format={(n) => formatUsd(n)} kind="area" label="Cost per interval by model" />
        </ChartCard>
        <ChartCard title="Cost breakdown" subtitle="Spend by provider and by model over the range">
          <CostBreakdown byProvider={costByProvider} byModel={costByModel} />
        </ChartCard>
        <ChartCard title="Tokens" subtitle="Input and output tokens per interval">
          <SeriesChart results={[tokensIn, tokensOut]} labels={['input', 'output']} format={compactNumber} kind="area" stacked label="Input and output tokens over time" />
        </ChartCard>
        <ChartCard title="Rate-limit headroom" subtitle="What the newest rate-limit headers left per model">
          <RateLimitPanel items={rateLimits.data?.items} error={rateLimits.error} pending={rateLimits.isPending} onRetry={() => void rateLimits.refetch()} />
        </ChartCard>
        <ChartCard title="Recent alerts" subtitle="Newest firing and resolved alert events">
          <RecentAlerts refetchInterval={live ? LIVE_REFRESH_MS : false} />
        </ChartCard>
      </div>
    </>
  );
}
