import { Link } from 'react-router-dom';
import { Badge, Card, cx, stateTone } from '../../components/ui';
import { formatCount, formatDuration, formatTimestamp, formatUsd } from '../../lib/format';
import type { LiveStatus } from './useLiveFeed';
import type { LiveTotals } from './liveTotals';

const STATUS_TEXT: Record<LiveStatus, string> = {
  live: 'Live',
  connecting: 'Connecting…',
  offline: 'Reconnecting…',
  paused: 'Paused',
};

/** A dot and a word for the feed's connection state. */
export function LiveStatusBadge({ status }: { status: LiveStatus }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-xs font-medium text-zinc-600 dark:text-zinc-300" data-testid="live-status">
      <span
        aria-hidden
        className={cx(
          'size-2 rounded-full',
          status === 'live' && 'animate-pulse bg-emerald-500',
          status === 'connecting' && 'bg-amber-400',
          status === 'offline' && 'bg-rose-500',
          status === 'paused' && 'bg-zinc-400',
        )}
      />
      {STATUS_TEXT[status]}
    </span>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="tabular mt-0.5 text-lg font-semibold tracking-tight text-zinc-900 dark:text-white" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** Totals since the page opened and a ticker of the newest calls, straight from the live feed. */
export function LivePanel({ status, totals }: { status: LiveStatus; totals: LiveTotals }) {
  return (
    <Card className="mb-6 overflow-hidden" >
      <section aria-label="Live traffic" data-testid="live-panel">
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
          <div>
            <h2 className="text-sm font-semibold text-zinc-900 dark:text-white">Live traffic</h2>
            <p className="text-xs text-zinc-500 dark:text-zinc-400">Calls committed since you opened this page, pushed over the live feed</p>
          </div>
          <LiveStatusBadge status={status} />
        </div>
        <div className="grid gap-0 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <dl className="grid grid-cols-2 gap-4 border-b border-zinc-200 px-5 py-4 md:border-r md:border-b-0 dark:border-zinc-800" aria-live="polite">
            <Figure label="Calls" value={formatCount(totals.calls)} testId="live-calls" />
            <Figure label="Errors" value={formatCount(totals.errors)} />
            <Figure label="Cost" value={formatUsd(totals.costUsd)} />
            <Figure label="Tokens in / out" value={`${formatCount(totals.inputTokens, { compact: true })} / ${formatCount(totals.outputTokens, { compact: true })}`} />
          </dl>
          <div className="min-w-0 px-5 py-3">
            {totals.recent.length === 0 ? (
              <p className="flex h-full min-h-24 items-center justify-center text-sm text-zinc-500 dark:text-zinc-400">Waiting for calls… new ones appear here as they are recorded.</p>
            ) : (
              <ol className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="live-ticker">
                {totals.recent.slice(0, 5).map((c) => (
                  <li key={c.id} className="flex items-center gap-3 py-1.5 text-sm">
                    <Badge tone={stateTone(c.status)}>{c.status}</Badge>
                    <Link to={`/calls?call=${encodeURIComponent(c.id)}`} className="min-w-0 flex-1 truncate font-medium text-zinc-900 hover:text-brand-600 dark:text-zinc-100">
                      <span>{c.model}</span>
                      <span className="ml-1.5 font-normal text-zinc-500 dark:text-zinc-400">{c.provider}</span>
                    </Link>
                    <span className="tabular text-xs text-zinc-600 dark:text-zinc-300">{formatDuration(c.latency_ms)}</span>
                    <span className="tabular w-16 text-right text-xs text-zinc-600 dark:text-zinc-300">{formatUsd(c.cost_usd)}</span>
                    <span className="tabular hidden w-36 text-right text-xs text-zinc-500 sm:inline dark:text-zinc-400">{formatTimestamp(c.started_at)}</span>
                  </li>
                ))}
              </ol>
            )}
          </div>
        </div>
      </section>
    </Card>
  );
}
