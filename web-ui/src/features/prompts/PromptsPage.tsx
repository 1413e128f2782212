import { useInfiniteQuery } from '@tanstack/react-query';
import { FileText, RotateCw } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Page, PromptSummary } from '../../api/types';
import { api } from '../../app/api';
import { tdClass, thClass } from '../../components/forms';
import { Badge, Button, Card, EmptyState, ErrorState, PageHeader, Skeleton } from '../../components/ui';
import { formatRelative, formatTimestamp } from '../../lib/format';

/** Labels as badges, production first. */
export function LabelBadges({ labels }: { labels: Record<string, number> }) {
  const entries = Object.entries(labels).sort(([a], [b]) => (a === 'production' ? -1 : b === 'production' ? 1 : a.localeCompare(b)));
  if (entries.length === 0) return <span className="text-zinc-500 dark:text-zinc-400">—</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {entries.map(([label, version]) => (
        <Badge key={label} tone={label === 'production' ? 'green' : 'brand'}>
          {label} → v{version}
        </Badge>
      ))}
    </span>
  );
}

export default function PromptsPage() {
  const [filter, setFilter] = useState('');
  const prompts = useInfiniteQuery({
    queryKey: ['prompts'],
    queryFn: ({ pageParam, signal }) => api.get<Page<PromptSummary>>('/api/v1/prompts', { limit: 200, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const all = useMemo(() => prompts.data?.pages.flatMap((p) => p.items) ?? [], [prompts.data]);
  const items = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return f ? all.filter((p) => p.name.toLowerCase().includes(f) || Object.keys(p.labels).some((l) => l.includes(f))) : all;
  }, [all, filter]);

  return (
    <>
      <PageHeader
        title="Prompts"
        description="Versioned prompt templates, the labels that pick the version your app is served, and A/B experiments."
        actions={
          <>
            <label>
              <span className="sr-only">Filter prompts</span>
              <input
                type="search"
                placeholder="Filter prompts…"
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
                className="w-56 rounded-lg border border-zinc-200 bg-white px-3 py-1.5 text-sm shadow-xs dark:border-zinc-700 dark:bg-zinc-900"
              />
            </label>
            <Button onClick={() => prompts.refetch()} disabled={prompts.isFetching}>
              <RotateCw aria-hidden className={`size-3.5 ${prompts.isFetching ? 'animate-spin' : ''}`} /> Refresh
            </Button>
          </>
        }
      />
      <Card className="overflow-hidden">
        {prompts.isPending ? (
          <div className="space-y-2 p-4">
            {Array.from({ length: 4 }, (_, i) => (
              <Skeleton key={i} className="h-10" />
            ))}
          </div>
        ) : prompts.isError ? (
          <ErrorState error={prompts.error} onRetry={() => prompts.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title={filter ? 'No prompt matches' : 'No prompts yet'} icon={<FileText aria-hidden className="size-5" />}>
            {filter ? (
              'Try another name.'
            ) : (
              <>
                Create a prompt with <code className="font-mono text-xs">POST /api/v1/prompts/&#123;name&#125;/versions</code> or an SDK; every save is a new, immutable
                version.
              </>
            )}
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[40rem] text-sm" data-testid="prompts-table">
              <caption className="sr-only">Prompts</caption>
              <thead className="border-b border-zinc-200 dark:border-zinc-800">
                <tr>
                  <th scope="col" className={thClass}>Name</th>
                  <th scope="col" className={thClass}>Latest</th>
                  <th scope="col" className={thClass}>Labels</th>
                  <th scope="col" className={thClass}>Updated</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {items.map((p) => (
                  <tr key={p.name} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
                    <td className={tdClass}>
                      <Link to={`/prompts/${encodeURIComponent(p.name)}`} className="font-medium text-zinc-900 hover:text-brand-600 dark:text-zinc-100 dark:hover:text-brand-400">
                        {p.name}
                      </Link>
                    </td>
                    <td className={`${tdClass} tabular`}>v{p.latest_version}</td>
                    <td className={tdClass}>
                      <LabelBadges labels={p.labels} />
                    </td>
                    <td className={`${tdClass} text-xs text-zinc-600 dark:text-zinc-300`} title={formatTimestamp(p.updated_at)}>
                      {formatRelative(p.updated_at)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {prompts.hasNextPage && (
              <div className="border-t border-zinc-200 p-3 text-center dark:border-zinc-800">
                <Button onClick={() => void prompts.fetchNextPage()} disabled={prompts.isFetchingNextPage}>
                  Load more
                </Button>
              </div>
            )}
          </div>
        )}
      </Card>
    </>
  );
}
