import { useQuery } from '@tanstack/react-query';
import { ArrowLeft } from 'lucide-react';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Evaluation } from '../../api/types';
import { api } from '../../app/api';
import { ProgressBar, tdClass, thClass } from '../../components/forms';
import { Badge, Card, EmptyState, ErrorState, PageHeader, Skeleton, stateTone } from '../../components/ui';
import { formatCount, formatPercent, formatTimestamp } from '../../lib/format';
import { formatScore, isFinished, progressText, scoreBuckets, statusText, statusTone } from './evaluationLogic';

const POLL_MS = 2000;

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-xl border border-zinc-200 bg-white px-4 py-3 shadow-xs dark:border-zinc-800 dark:bg-zinc-900">
      <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="tabular mt-1 text-2xl font-semibold text-zinc-900 dark:text-white">{value}</dd>
    </div>
  );
}

function ScoreHistogram({ values }: { values: number[] }) {
  const bins = scoreBuckets(values, 10);
  const peak = Math.max(1, ...bins.map((b) => b.count));
  return (
    <figure>
      <div aria-hidden className="flex h-28 items-end gap-1 border-b border-zinc-200 dark:border-zinc-800">
        {bins.map((b) => (
          <div key={b.from} className="flex h-full flex-1 flex-col justify-end" title={`${b.from.toFixed(1)}–${b.to.toFixed(1)}: ${b.count}`}>
            <div className="rounded-t bg-brand-500/80" style={{ height: `${b.count === 0 ? 0 : Math.max(3, (b.count / peak) * 100)}%` }} />
          </div>
        ))}
      </div>
      <div aria-hidden className="mt-1 flex justify-between text-[10px] text-zinc-500 dark:text-zinc-400">
        <span>0</span>
        <span>0.5</span>
        <span>1</span>
      </div>
      <figcaption className="sr-only">
        Score distribution: {bins.filter((b) => b.count > 0).map((b) => `${b.count} between ${b.from.toFixed(1)} and ${b.to.toFixed(1)}`).join(', ')}
      </figcaption>
    </figure>
  );
}

export default function EvaluationPage() {
  const id = useParams().id ?? '';
  const evaluation = useQuery({
    queryKey: ['evaluation', id],
    queryFn: ({ signal }) => api.get<Evaluation>(`/api/v1/evaluations/${encodeURIComponent(id)}`, undefined, signal),
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data.status) ? false : POLL_MS),
  });
  const e = evaluation.data;
  const values = useMemo(() => (e?.items ?? []).flatMap((i) => (i.score ? [i.score.value] : [])), [e]);
  const configEntries = Object.entries(e?.config ?? {});

  return (
    <>
      <Link to="/evaluations" className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white">
        <ArrowLeft aria-hidden className="size-3.5" /> Evaluations
      </Link>
      {evaluation.isPending ? (
        <Skeleton className="h-64" />
      ) : evaluation.isError ? (
        <Card>
          <ErrorState error={evaluation.error} onRetry={() => evaluation.refetch()} />
        </Card>
      ) : e ? (
        <>
          <PageHeader
            title={`Evaluation with ${e.evaluator}`}
            description={
              <span className="flex flex-wrap items-center gap-2">
                <Badge tone={statusTone(e.status)}>
                  <span data-testid="evaluation-status">{statusText(e.status)}</span>
                </Badge>
                <span>
                  {e.source} · started {formatTimestamp(e.created_at)}
                </span>
                <span className="font-mono text-xs">{e.id}</span>
              </span>
            }
          />
          <Card className="mb-6 px-5 py-4">
            <div className="mb-2 flex justify-between text-sm">
              <span className="font-medium text-zinc-900 dark:text-white">Progress</span>
              <span className="text-zinc-600 dark:text-zinc-300" aria-live="polite">
                {progressText(e.progress)}
              </span>
            </div>
            <ProgressBar value={e.progress.done + e.progress.failed} max={e.progress.total} label="Evaluation progress" tone={e.progress.failed > 0 ? 'amber' : 'brand'} />
            {configEntries.length > 0 && (
              <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-300">
                Settings:{' '}
                {configEntries.map(([k, v]) => (
                  <code key={k} className="mr-2 rounded bg-zinc-100 px-1 font-mono dark:bg-zinc-800">
                    {k}={String(v)}
                  </code>
                ))}
              </p>
            )}
          </Card>
          <div className="mb-6 grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <dl className="grid grid-cols-2 gap-3 self-start md:grid-cols-4" data-testid="evaluation-aggregate">
              <Figure label="Mean" value={formatScore(e.aggregate.mean)} />
              <Figure label="Median" value={formatScore(e.aggregate.p50)} />
              <Figure label="Min" value={formatScore(e.aggregate.min)} />
              <Figure label="Max" value={formatScore(e.aggregate.max)} />
            </dl>
            <Card className="px-5 py-4">
              <h2 className="mb-2 text-sm font-semibold text-zinc-900 dark:text-white">Score distribution</h2>
              {values.length === 0 ? <p className="text-sm text-zinc-500 dark:text-zinc-400">No scores yet.</p> : <ScoreHistogram values={values} />}
            </Card>
          </div>
          <Card className="overflow-hidden">
            <h2 className="border-b border-zinc-200 px-4 py-2.5 text-sm font-semibold text-zinc-900 dark:border-zinc-800 dark:text-white">
              Scores <span className="font-normal text-zinc-500 dark:text-zinc-400">({formatCount(e.items.length)} items)</span>
            </h2>
            {e.items.length === 0 ? (
              <EmptyState title="No items" />
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full min-w-[48rem] text-sm" data-testid="evaluation-items">
                  <caption className="sr-only">Scores per item</caption>
                  <thead>
                    <tr>
                      <th scope="col" className={thClass}>#</th>
                      <th scope="col" className={thClass}>Call</th>
                      <th scope="col" className={thClass}>Status</th>
                      <th scope="col" className={`${thClass} w-48`}>Score</th>
                      <th scope="col" className={thClass}>Explanation</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                    {e.items.map((item) => (
                      <tr key={item.position}>
                        <td className={`${tdClass} tabular text-zinc-500 dark:text-zinc-400`}>{item.position + 1}</td>
                        <td className={tdClass}>
                          {item.call_id ? (
                            <Link to={`/calls?range=all&call=${encodeURIComponent(item.call_id)}`} className="font-mono text-xs text-brand-700 hover:underline dark:text-brand-400">
                              {item.call_id.slice(0, 13)}…
                            </Link>
                          ) : (
                            <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{item.dataset_item_id?.slice(0, 13) ?? '—'}</span>
                          )}
                        </td>
                        <td className={tdClass}>
                          <Badge tone={item.status === 'done' ? 'green' : item.status === 'dead' ? 'red' : stateTone(item.status)}>{item.status === 'dead' ? 'failed' : item.status}</Badge>
                          {item.attempts > 1 && <span className="ml-1 text-xs text-zinc-500 dark:text-zinc-400">{item.attempts} tries</span>}
                        </td>
                        <td className={tdClass}>
                          {item.score ? (
                            <div className="flex items-center gap-2">
                              <span className="tabular w-12 font-medium">{formatScore(item.score.value)}</span>
                              <div className="flex-1">
                                <ProgressBar value={Math.max(0, Math.min(1, item.score.value))} max={1} label={`Score of item ${item.position + 1}: ${formatPercent(item.score.value)}`} />
                              </div>
                            </div>
                          ) : (
                            <span className="text-zinc-500 dark:text-zinc-400">—</span>
                          )}
                          {item.score?.label && <Badge className="mt-1">{item.score.label}</Badge>}
                        </td>
                        <td className={`${tdClass} max-w-md text-xs text-zinc-600 dark:text-zinc-300`}>
                          {item.error ? <span className="text-rose-700 dark:text-rose-400">{item.error}</span> : (item.score?.explanation ?? '—')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
        </>
      ) : null}
    </>
  );
}
