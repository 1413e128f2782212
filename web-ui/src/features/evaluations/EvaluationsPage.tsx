import { useInfiniteQuery } from '@tanstack/react-query';
import { FlaskConical, Play, RotateCw } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { EvaluationSummary, Page } from '../../api/types';
import { api, usePermission } from '../../app/api';
import { ProgressBar, ReadOnlyNote, tdClass, thClass } from '../../components/forms';
import { Badge, Button, Card, EmptyState, ErrorState, PageHeader, Skeleton } from '../../components/ui';
import { formatRelative, formatTimestamp } from '../../lib/format';
import { formatScore, isFinished, progressText, statusText, statusTone } from './evaluationLogic';
import { StartEvaluation } from './StartEvaluation';

const POLL_MS = 2000;

export default function EvaluationsPage() {
  const canStart = usePermission('member');
  const [starting, setStarting] = useState(false);
  const evaluations = useInfiniteQuery({
    queryKey: ['evaluations'],
    queryFn: ({ pageParam, signal }) => api.get<Page<EvaluationSummary>>('/api/v1/evaluations', { limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    refetchInterval: (query) => (query.state.data?.pages.some((p) => p.items.some((e) => !isFinished(e.status))) ? POLL_MS : false),
  });
  const items = useMemo(() => evaluations.data?.pages.flatMap((p) => p.items) ?? [], [evaluations.data]);

  return (
    <>
      <PageHeader
        title="Evaluations"
        description="Score stored calls with an evaluator (exact match, regex, JSON validity, BLEU, ROUGE, …) and compare the results."
        actions={
          <>
            <Button onClick={() => evaluations.refetch()} disabled={evaluations.isFetching}>
              <RotateCw aria-hidden className={`size-3.5 ${evaluations.isFetching ? 'animate-spin' : ''}`} /> Refresh
            </Button>
            <Button variant="primary" disabled={!canStart.allowed} title={canStart.reason ?? undefined} onClick={() => setStarting(true)}>
              <Play aria-hidden className="size-3.5" /> Start evaluation
            </Button>
          </>
        }
      />
      {!canStart.allowed && <ReadOnlyNote reason={canStart.reason} className="mb-4" />}
      <Card className="overflow-hidden">
        {evaluations.isPending ? (
          <div className="space-y-2 p-4">
            {Array.from({ length: 4 }, (_, i) => (
              <Skeleton key={i} className="h-10" />
            ))}
          </div>
        ) : evaluations.isError ? (
          <ErrorState error={evaluations.error} onRetry={() => evaluations.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title="No evaluations yet" icon={<FlaskConical aria-hidden className="size-5" />}>
            Start one to score a set of calls; results appear here and in each call's detail.
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[48rem] text-sm" data-testid="evaluations-table">
              <caption className="sr-only">Evaluations</caption>
              <thead className="border-b border-zinc-200 dark:border-zinc-800">
                <tr>
                  <th scope="col" className={thClass}>Evaluator</th>
                  <th scope="col" className={thClass}>Status</th>
                  <th scope="col" className={`${thClass} w-64`}>Progress</th>
                  <th scope="col" className={`${thClass} text-right`}>Mean score</th>
                  <th scope="col" className={thClass}>Source</th>
                  <th scope="col" className={thClass}>Started</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {items.map((e) => (
                  <tr key={e.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40" data-evaluation={e.id}>
                    <td className={tdClass}>
                      <Link to={`/evaluations/${e.id}`} className="font-medium text-zinc-900 hover:text-brand-600 dark:text-zinc-100 dark:hover:text-brand-400">
                        {e.evaluator}
                      </Link>
                      <div className="font-mono text-[11px] text-zinc-500 dark:text-zinc-400">{e.id.slice(0, 8)}</div>
                    </td>
                    <td className={tdClass}>
                      <Badge tone={statusTone(e.status)}>{statusText(e.status)}</Badge>
                    </td>
                    <td className={tdClass}>
                      <ProgressBar value={e.progress.done + e.progress.failed} max={e.progress.total} label={`Progress of evaluation ${e.id.slice(0, 8)}`} tone={e.progress.failed > 0 ? 'amber' : 'brand'} />
                      <div className="mt-1 text-xs text-zinc-600 dark:text-zinc-300">{progressText(e.progress)}</div>
                    </td>
                    <td className={`${tdClass} tabular text-right font-medium`}>{formatScore(e.aggregate.mean)}</td>
                    <td className={`${tdClass} text-zinc-600 dark:text-zinc-300`}>{e.source}</td>
                    <td className={`${tdClass} text-xs text-zinc-600 dark:text-zinc-300`} title={formatTimestamp(e.created_at)}>
                      {formatRelative(e.created_at)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {evaluations.hasNextPage && (
              <div className="border-t border-zinc-200 p-3 text-center dark:border-zinc-800">
                <Button onClick={() => void evaluations.fetchNextPage()} disabled={evaluations.isFetchingNextPage}>
                  Load more
                </Button>
              </div>
            )}
          </div>
        )}
      </Card>
      {starting && <StartEvaluation onClose={() => setStarting(false)} />}
    </>
  );
}
