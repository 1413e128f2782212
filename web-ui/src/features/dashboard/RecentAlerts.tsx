import { useQuery } from '@tanstack/react-query';
import { BellRing } from 'lucide-react';
import { Link } from 'react-router-dom';
import type { AlertEvent, Page } from '../../api/types';
import { api, usePermission } from '../../app/api';
import { Badge, ErrorState, Skeleton, stateTone } from '../../components/ui';
import { formatRelative } from '../../lib/format';
import { severityTone } from '../alerts/alertFormat';

/** The newest alert events (firing and resolved). Alerts are for signed-in users: an API key session is told so. */
export function RecentAlerts({ refetchInterval }: { refetchInterval: number | false }) {
  const canRead = usePermission('viewer');
  const events = useQuery({
    queryKey: ['dashboard', 'alert-events'],
    queryFn: ({ signal }) => api.get<Page<AlertEvent>>('/api/v1/alerts/events', { limit: 5 }, signal),
    enabled: canRead.allowed,
    refetchInterval,
  });
  if (!canRead.allowed) return <p className="py-6 text-center text-sm text-zinc-500 dark:text-zinc-400">Alerts are shown to signed-in project members.</p>;
  if (events.isPending) return <Skeleton className="h-32" />;
  if (events.isError) return <ErrorState error={events.error} onRetry={() => events.refetch()} />;
  if (events.data.items.length === 0) {
    return (
      <div className="flex flex-col items-center py-8 text-center text-sm text-zinc-500 dark:text-zinc-400">
        <BellRing aria-hidden className="mb-2 size-5 text-zinc-300 dark:text-zinc-600" />
        No alert has fired.{' '}
        <Link to="/alerts" className="text-brand-600 hover:underline dark:text-brand-400">
          Set up alert rules
        </Link>
      </div>
    );
  }
  return (
    <ol className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="recent-alerts">
      {events.data.items.map((e) => (
        <li key={e.id} className="flex items-center gap-3 py-2 text-sm">
          <Badge tone={stateTone(e.state)}>{e.state}</Badge>
          <Badge tone={severityTone(e.severity)}>{e.severity}</Badge>
          <Link to="/alerts?tab=events" className="min-w-0 flex-1 truncate font-medium text-zinc-900 hover:text-brand-600 dark:text-zinc-100">
            {e.rule_name}
          </Link>
          <span className="tabular shrink-0 text-xs text-zinc-500 dark:text-zinc-400">{formatRelative(e.at)}</span>
        </li>
      ))}
    </ol>
  );
}
