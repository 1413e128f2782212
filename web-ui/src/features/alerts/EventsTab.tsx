import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { AlertChannel, AlertEvent, AlertRule, Page } from '../../api/types';
import { api } from '../../app/api';
import { SelectField } from '../../components/forms';
import { Badge, Button, Card, EmptyState, ErrorState, Skeleton, stateTone } from '../../components/ui';
import { formatRelative, formatTimestamp } from '../../lib/format';
import { formatMetric, severityTone } from './alertFormat';

const DELIVERY_TONE: Record<string, 'green' | 'red' | 'amber'> = { delivered: 'green', failed: 'red', pending: 'amber' };

/** The event history, newest first, optionally for one rule, with each event's deliveries. */
export function EventsTab({ rules, channels, refetchInterval }: { rules: AlertRule[]; channels: AlertChannel[]; refetchInterval: number }) {
  const [ruleId, setRuleId] = useState('');
  const events = useInfiniteQuery({
    queryKey: ['alerts', 'events', ruleId],
    queryFn: ({ pageParam, signal }) => api.get<Page<AlertEvent>>('/api/v1/alerts/events', { limit: 50, rule_id: ruleId || undefined, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    refetchInterval,
  });
  const items = useMemo(() => events.data?.pages.flatMap((p) => p.items) ?? [], [events.data]);
  const channelName = (id: string) => channels.find((c) => c.id === id)?.name ?? id.slice(0, 8);
  return (
    <Card className="overflow-hidden">
      <div className="flex flex-wrap items-end gap-3 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <SelectField label="Rule" value={ruleId} onChange={(e) => setRuleId(e.target.value)} className="w-64">
          <option value="">All rules</option>
          {rules.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </SelectField>
      </div>
      {events.isPending ? (
        <Skeleton className="m-4 h-24" />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => events.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No alert events">Events appear here when a rule fires or resolves.</EmptyState>
      ) : (
        <ol className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="alert-events">
          {items.map((e) => (
            <li key={e.id} className="px-4 py-3 text-sm" data-event-state={e.state}>
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={stateTone(e.state)}>{e.state}</Badge>
                <Badge tone={severityTone(e.severity)}>{e.severity}</Badge>
                <span className="font-medium text-zinc-900 dark:text-zinc-100">{e.rule_name}</span>
                <span className="tabular text-zinc-600 dark:text-zinc-300">
                  {e.metric} {formatMetric(e.metric, e.value)} <span className="text-zinc-500 dark:text-zinc-400">(threshold {formatMetric(e.metric, e.threshold)})</span>
                </span>
                <span className="ml-auto text-xs text-zinc-500 dark:text-zinc-400" title={formatTimestamp(e.at)}>
                  {formatRelative(e.at)}
                </span>
              </div>
              {e.message && <p className="mt-1 text-zinc-600 dark:text-zinc-300">{e.message}</p>}
              {e.deliveries.length > 0 && (
                <ul className="mt-1.5 flex flex-wrap gap-2 text-xs">
                  {e.deliveries.map((d) => (
                    <li key={d.channel_id} className="inline-flex items-center gap-1">
                      <span className="text-zinc-600 dark:text-zinc-300">{channelName(d.channel_id)}</span>
                      <Badge tone={DELIVERY_TONE[d.status] ?? 'gray'}>{d.status}</Badge>
                      {d.attempts > 1 && <span className="text-zinc-500 dark:text-zinc-400">{d.attempts} attempts</span>}
                      {d.status === 'failed' && d.detail && <span className="text-rose-700 dark:text-rose-400">{d.detail}</span>}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      {events.hasNextPage && (
        <div className="border-t border-zinc-200 p-3 text-center dark:border-zinc-800">
          <Button onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>
            Load older events
          </Button>
        </div>
      )}
    </Card>
  );
}
