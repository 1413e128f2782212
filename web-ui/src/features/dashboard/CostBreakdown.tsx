import type { CostAnalytics } from '../../api/types';
import { ErrorState, Skeleton } from '../../components/ui';
import { formatCount, formatPercent, formatUsd } from '../../lib/format';
import { costShares } from './analytics';
import { NoData, isMissing } from './Panel';
import { PALETTE } from './TimeChart';

interface CostAnswer {
  data: CostAnalytics | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

function Shares({ title, answer }: { title: string; answer: CostAnswer }) {
  if (answer.isPending) return <Skeleton className="h-32" />;
  if (answer.error && !isMissing(answer.error)) return <ErrorState error={answer.error} onRetry={() => void answer.refetch()} />;
  const shares = costShares(answer.data?.items);
  if (isMissing(answer.error) || shares.length === 0) return <NoData missing={isMissing(answer.error)} height="h-32" />;
  return (
    <div>
      <h3 className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{title}</h3>
      <ul className="space-y-2">
        {shares.map((s, i) => (
          <li key={s.key} className="text-sm">
            <div className="flex items-baseline justify-between gap-2">
              <span className="truncate font-medium text-zinc-800 dark:text-zinc-200">{s.key}</span>
              <span className="tabular shrink-0 text-zinc-700 dark:text-zinc-300">
                {formatUsd(s.cost)} <span className="text-xs text-zinc-500 dark:text-zinc-400">· {formatCount(s.calls)} calls · {formatPercent(s.share, 0)}</span>
              </span>
            </div>
            <div aria-hidden className="mt-1 h-1.5 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800">
              <div className="h-full rounded-full" style={{ width: `${Math.max(1, s.share * 100)}%`, background: PALETTE[i % PALETTE.length] }} />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Spend per provider and per model over the range, with the month-end forecast when there is enough history. */
export function CostBreakdown({ byProvider, byModel }: { byProvider: CostAnswer; byModel: CostAnswer }) {
  const forecast = byModel.data?.forecast ?? byProvider.data?.forecast;
  return (
    <div className="space-y-5" data-testid="cost-breakdown">
      <div className="space-y-5">
        <Shares title="By provider" answer={byProvider} />
        <Shares title="By model" answer={byModel} />
      </div>
      {forecast && (
        <p className="rounded-lg bg-zinc-50 px-3 py-2 text-xs text-zinc-600 dark:bg-zinc-950 dark:text-zinc-300" data-testid="cost-forecast">
          {forecast.available ? (
            <>
              <span className="font-medium text-zinc-900 dark:text-white">Month-end forecast {formatUsd(forecast.month_end.predicted_total_usd)}</span>
              {' '}({Math.round(forecast.confidence * 100)}% interval {formatUsd(forecast.month_end.lower_usd)} – {formatUsd(forecast.month_end.upper_usd)}, from {forecast.history_days} days of
              history)
            </>
          ) : (
            <>No spend forecast yet: {forecast.reason}.</>
          )}
        </p>
      )}
    </div>
  );
}
