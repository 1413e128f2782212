import { useQuery } from '@tanstack/react-query';
import { FileArchive, Package, Puzzle, RotateCw } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { Page, Plugin } from '../../api/types';
import { api } from '../../app/api';
import { Badge, Button, Card, EmptyState, ErrorState, PageHeader, Skeleton, stateTone } from '../../components/ui';

function Summary({ plugins }: { plugins: Plugin[] }) {
  const extensions = plugins.flatMap((p) => p.extensions);
  const problems = plugins.filter((p) => p.error).length + extensions.filter((e) => e.problem).length;
  const stats = [
    { label: 'Plugins', value: plugins.length },
    { label: 'Started', value: plugins.filter((p) => p.state === 'started').length },
    { label: 'Extensions', value: extensions.length },
    { label: 'Problems', value: problems, alert: problems > 0 },
  ];
  return (
    <dl className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-4">
      {stats.map((s) => (
        <div key={s.label} className="rounded-xl border border-zinc-200 bg-white px-4 py-3 shadow-xs dark:border-zinc-800 dark:bg-zinc-900">
          <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{s.label}</dt>
          <dd className={`tabular mt-1 text-2xl font-semibold ${s.alert ? 'text-rose-600 dark:text-rose-400' : 'text-zinc-900 dark:text-white'}`}>{s.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function PluginCard({ plugin }: { plugin: Plugin }) {
  return (
    <Card className="overflow-hidden" >
      <div className="flex flex-wrap items-start justify-between gap-3 px-5 py-4" data-testid="plugin" data-plugin-id={plugin.id}>
        <div className="flex min-w-0 items-start gap-3">
          <div className="rounded-lg bg-brand-50 p-2 text-brand-600 dark:bg-brand-500/10 dark:text-brand-400">
            {plugin.source === 'builtin' ? <Package aria-hidden className="size-5" /> : <Puzzle aria-hidden className="size-5" />}
          </div>
          <div className="min-w-0">
            <h2 className="flex flex-wrap items-center gap-2 font-semibold text-zinc-900 dark:text-white">
              {plugin.id}
              {plugin.version && <span className="font-mono text-xs font-normal text-zinc-500 dark:text-zinc-400">v{plugin.version}</span>}
            </h2>
            <p className="mt-0.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
              <span>Source: {plugin.source}</span>
              {plugin.jar && (
                <span className="inline-flex items-center gap-1 font-mono">
                  <FileArchive aria-hidden className="size-3.5" />
                  {plugin.jar}
                </span>
              )}
            </p>
          </div>
        </div>
        <Badge tone={stateTone(plugin.state)}>{plugin.state}</Badge>
      </div>
      {plugin.error && (
        <p role="alert" className="mx-5 mb-4 rounded-lg bg-rose-50 px-3 py-2 font-mono text-xs break-words text-rose-700 dark:bg-rose-500/10 dark:text-rose-300">
          {plugin.error}
        </p>
      )}
      {plugin.extensions.length > 0 && (
        <div className="overflow-x-auto border-t border-zinc-100 dark:border-zinc-800">
          <table className="w-full min-w-[36rem] table-fixed text-sm">
            <colgroup>
              <col className="w-[40%]" />
              <col className="w-[15%]" />
              <col className="w-[15%]" />
              <col className="w-[30%]" />
            </colgroup>
            <caption className="sr-only">Extensions of {plugin.id}</caption>
            <thead>
              <tr className="text-left text-xs text-zinc-500 dark:text-zinc-400">
                <th scope="col" className="px-5 py-2 font-medium">Extension</th>
                <th scope="col" className="px-3 py-2 font-medium">Kind</th>
                <th scope="col" className="px-3 py-2 font-medium">State</th>
                <th scope="col" className="px-5 py-2 font-medium">Problem</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {plugin.extensions.map((ext) => (
                <tr key={`${ext.kind}:${ext.id}`}>
                  <td className="px-5 py-2">
                    <div className="font-medium text-zinc-800 dark:text-zinc-200">{ext.name}</div>
                    <div className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{ext.id}</div>
                  </td>
                  <td className="px-3 py-2">
                    <Badge tone="brand">{ext.kind}</Badge>
                  </td>
                  <td className="px-3 py-2">
                    <Badge tone={stateTone(ext.state)}>{ext.state}</Badge>
                  </td>
                  <td className="px-5 py-2 text-xs text-rose-600 dark:text-rose-400">{ext.problem ?? <span className="text-zinc-500 dark:text-zinc-400">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

export default function PluginsPage() {
  const [filter, setFilter] = useState('');
  const plugins = useQuery({
    queryKey: ['plugins'],
    queryFn: ({ signal }) => api.get<Page<Plugin>>('/api/v1/plugins', undefined, signal),
  });
  const items = useMemo(() => {
    const all = plugins.data?.items ?? [];
    const f = filter.trim().toLowerCase();
    if (!f) return all;
    return all.filter((p) => p.id.toLowerCase().includes(f) || p.extensions.some((e) => `${e.id} ${e.name} ${e.kind}`.toLowerCase().includes(f)));
  }, [plugins.data, filter]);

  return (
    <>
      <PageHeader
        title="Plugins"
        description="Provider, evaluator, exporter and alert-channel extensions loaded from the plugins folder."
        actions={
          <>
            <label>
              <span className="sr-only">Filter plugins</span>
              <input
                type="search"
                placeholder="Filter plugins…"
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
                className="w-56 rounded-lg border border-zinc-200 bg-white px-3 py-1.5 text-sm shadow-xs dark:border-zinc-700 dark:bg-zinc-900"
              />
            </label>
            <Button onClick={() => plugins.refetch()} disabled={plugins.isFetching}>
              <RotateCw aria-hidden className={`size-3.5 ${plugins.isFetching ? 'animate-spin' : ''}`} /> Refresh
            </Button>
          </>
        }
      />
      {plugins.isPending ? (
        <div className="space-y-3">
          <Skeleton className="h-20" />
          <Skeleton className="h-32" />
          <Skeleton className="h-32" />
        </div>
      ) : plugins.isError ? (
        <Card>
          <ErrorState error={plugins.error} onRetry={() => plugins.refetch()} />
        </Card>
      ) : (
        <>
          <Summary plugins={plugins.data.items} />
          {items.length === 0 ? (
            <Card>
              <EmptyState title={filter ? 'No plugin matches' : 'No plugins loaded'}>
                {filter ? 'Try another name.' : 'Put plugin jars into the plugins folder and restart Argus.'}
              </EmptyState>
            </Card>
          ) : (
            <div className="space-y-4">
              {items.map((p) => (
                <PluginCard key={p.id} plugin={p} />
              ))}
            </div>
          )}
        </>
      )}
    </>
  );
}
