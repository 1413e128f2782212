import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ArrowLeft, FlaskConical, GitCompare, Play } from 'lucide-react';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { Experiment, PromptDiff, PromptLabels, PromptVersion, RenderedPrompt } from '../../api/types';
import { api, useMe, usePermission } from '../../app/api';
import { ConfirmButton, MutationError, ProgressBar, ReadOnlyNote, SelectField, TabPanel, Tabs, TextField, tdClass, thClass } from '../../components/forms';
import { Badge, Button, Card, EmptyState, ErrorState, PageHeader, Skeleton, cx, stateTone } from '../../components/ui';
import { formatRelative, formatTimestamp } from '../../lib/format';
import { defaultDiffPair, foldDiff, labelProblem, variantShares } from './promptLogic';
import { promptPath, useExperiments, useLabels, useVersions } from './promptQueries';
import { PromptBody, VersionView, authorText } from './VersionView';

type Tab = 'versions' | 'labels' | 'diff' | 'preview' | 'experiments';
const TABS: Tab[] = ['versions', 'labels', 'diff', 'preview', 'experiments'];

function VersionsTab({ versions, selected, onSelect, meId }: { versions: PromptVersion[]; selected: number; onSelect: (v: number) => void; meId: string | undefined }) {
  const current = versions.find((v) => v.version === selected) ?? versions[0];
  return (
    <div className="grid gap-4 lg:grid-cols-[18rem_minmax(0,1fr)]">
      <Card className="overflow-hidden">
        <h2 className="border-b border-zinc-200 px-4 py-2.5 text-sm font-semibold text-zinc-900 dark:border-zinc-800 dark:text-white">History</h2>
        <ol className="max-h-[32rem] divide-y divide-zinc-100 overflow-y-auto dark:divide-zinc-800" data-testid="version-list">
          {versions.map((v) => (
            <li key={v.version}>
              <button
                type="button"
                aria-current={v.version === current?.version ? 'true' : undefined}
                onClick={() => onSelect(v.version)}
                className={cx(
                  'block w-full px-4 py-2.5 text-left text-sm hover:bg-zinc-50 dark:hover:bg-zinc-800/50',
                  v.version === current?.version && 'bg-brand-50/70 dark:bg-brand-500/10',
                )}
              >
                <span className="flex items-center gap-2">
                  <span className="tabular font-semibold text-zinc-900 dark:text-white">v{v.version}</span>
                  {v.labels.map((l) => (
                    <Badge key={l} tone={l === 'production' ? 'green' : 'brand'}>
                      {l}
                    </Badge>
                  ))}
                  <span className="ml-auto text-xs text-zinc-600 dark:text-zinc-300">{formatRelative(v.created_at)}</span>
                </span>
                <span className="mt-0.5 block truncate text-xs text-zinc-600 dark:text-zinc-300">{v.commit_message ?? 'No message'}</span>
              </button>
            </li>
          ))}
        </ol>
      </Card>
      <Card className="p-5">{current ? <VersionView version={current} meId={meId} /> : null}</Card>
    </div>
  );
}

function moveWord(from: number | null, to: number): string {
  if (from === null) return 'set';
  if (to > from) return 'promoted';
  if (to < from) return 'rolled back';
  return 'kept';
}

function LabelsTab({ name, versions, meId }: { name: string; versions: PromptVersion[]; meId: string | undefined }) {
  const labels = useLabels(name);
  const canWrite = usePermission('member');
  const queryClient = useQueryClient();
  const [newLabel, setNewLabel] = useState('');
  const [newVersion, setNewVersion] = useState<number | ''>('');
  const [picked, setPicked] = useState<Record<string, number>>({});
  const move = useMutation({
    mutationFn: ({ label, version }: { label: string; version: number }) => api.put(`${promptPath(name)}/labels/${encodeURIComponent(label)}`, { version }),
    onSuccess: () => {
      setNewLabel('');
      setNewVersion('');
      void queryClient.invalidateQueries({ queryKey: ['prompt', name] });
      void queryClient.invalidateQueries({ queryKey: ['prompts'] });
    },
  });
  const problem = newLabel ? labelProblem(newLabel) : null;
  const addLabel = (e: FormEvent) => {
    e.preventDefault();
    if (!newLabel || problem || newVersion === '') return;
    move.mutate({ label: newLabel, version: newVersion });
  };
  if (labels.isPending) return <Skeleton className="h-40" />;
  if (labels.isError) return <ErrorState error={labels.error} onRetry={() => labels.refetch()} />;
  const data: PromptLabels = labels.data;
  const latest = versions[0]?.version;
  return (
    <div className="space-y-4">
      <Card className="overflow-hidden">
        <div className="border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
          <h2 className="text-sm font-semibold text-zinc-900 dark:text-white">Labels</h2>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            Apps fetch a prompt by label (production by default). Moving a label to a newer version promotes it; to an older one rolls back — at once, for every app.
          </p>
        </div>
        {!canWrite.allowed && <ReadOnlyNote reason={canWrite.reason} className="mx-4 mt-3" />}
        {data.items.length === 0 ? (
          <EmptyState title="No labels yet">Apps asking for the production label get a 404 until one is set.</EmptyState>
        ) : (
          <table className="w-full text-sm" data-testid="labels-table">
            <caption className="sr-only">Labels of {name}</caption>
            <thead>
              <tr>
                <th scope="col" className={thClass}>Label</th>
                <th scope="col" className={thClass}>Points at</th>
                <th scope="col" className={thClass}>Moved</th>
                <th scope="col" className={thClass}>
                  <span className="sr-only">Move</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {data.items.map((l) => {
                const target = picked[l.label] ?? l.version;
                return (
                  <tr key={l.label} data-label={l.label}>
                    <td className={tdClass}>
                      <Badge tone={l.label === 'production' ? 'green' : 'brand'}>{l.label}</Badge>
                    </td>
                    <td className={`${tdClass} tabular font-medium`} data-testid="label-version">
                      v{l.version}
                      {l.version === latest && <span className="ml-1.5 text-xs font-normal text-zinc-500 dark:text-zinc-400">(latest)</span>}
                    </td>
                    <td className={`${tdClass} text-xs text-zinc-600 dark:text-zinc-300`} title={formatTimestamp(l.updated_at)}>
                      {formatRelative(l.updated_at)}
                    </td>
                    <td className={`${tdClass} text-right`}>
                      <span className="inline-flex items-center gap-2">
                        <label>
                          <span className="sr-only">New version for {l.label}</span>
                          <select
                            value={target}
                            disabled={!canWrite.allowed}
                            onChange={(e) => setPicked({ ...picked, [l.label]: Number(e.target.value) })}
                            className="rounded-lg border border-zinc-200 bg-white px-2 py-1 text-sm disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-950"
                          >
                            {versions.map((v) => (
                              <option key={v.version} value={v.version}>
                                v{v.version}
                              </option>
                            ))}
                          </select>
                        </label>
                        <Button
                          disabled={!canWrite.allowed || target === l.version || move.isPending}
                          title={canWrite.reason ?? undefined}
                          onClick={() => move.mutate({ label: l.label, version: target })}
                        >
                          {target > l.version ? 'Promote' : target < l.version ? 'Roll back' : 'Move'}
                        </Button>
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {canWrite.allowed && (
          <form onSubmit={addLabel} className="flex flex-wrap items-end gap-3 border-t border-zinc-200 px-4 py-3 dark:border-zinc-800" aria-label="Set a label">
            <TextField label="New label" placeholder="staging" value={newLabel} onChange={(e) => setNewLabel(e.target.value.trim())} className="w-48" hint={problem ?? undefined} aria-invalid={problem ? true : undefined} />
            <SelectField label="Version" value={newVersion} onChange={(e) => setNewVersion(e.target.value ? Number(e.target.value) : '')} className="w-32">
              <option value="">Choose…</option>
              {versions.map((v) => (
                <option key={v.version} value={v.version}>
                  v{v.version}
                </option>
              ))}
            </SelectField>
            <Button type="submit" variant="primary" disabled={!newLabel || problem !== null || newVersion === '' || move.isPending}>
              Set label
            </Button>
          </form>
        )}
        {move.isError && (
          <div className="px-4 pb-3">
            <MutationError error={move.error} />
          </div>
        )}
      </Card>
      <Card className="overflow-hidden">
        <h2 className="border-b border-zinc-200 px-4 py-2.5 text-sm font-semibold text-zinc-900 dark:border-zinc-800 dark:text-white">Label history</h2>
        {data.moves.length === 0 ? (
          <p className="px-4 py-6 text-center text-sm text-zinc-500 dark:text-zinc-400">No label has moved yet.</p>
        ) : (
          <ol className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="label-moves">
            {data.moves.map((m, i) => (
              <li key={i} className="flex flex-wrap items-center gap-2 px-4 py-2 text-sm">
                <Badge tone={m.label === 'production' ? 'green' : 'brand'}>{m.label}</Badge>
                <span className="text-zinc-700 dark:text-zinc-300">
                  {moveWord(m.from_version, m.to_version)} {m.from_version !== null && <span className="tabular">v{m.from_version} → </span>}
                  <span className="tabular font-medium">v{m.to_version}</span>
                </span>
                <span className="text-xs text-zinc-500 dark:text-zinc-400">by {authorText(m.moved_by, meId)}</span>
                <span className="ml-auto text-xs text-zinc-500 dark:text-zinc-400" title={formatTimestamp(m.moved_at)}>
                  {formatRelative(m.moved_at)}
                </span>
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  );
}

function DiffTab({ name, versions }: { name: string; versions: PromptVersion[] }) {
  const [params, setParams] = useSearchParams();
  const pair = defaultDiffPair(versions.map((v) => v.version));
  const from = Number(params.get('from')) || pair?.[0] || 0;
  const to = Number(params.get('to')) || pair?.[1] || 0;
  const set = (key: 'from' | 'to', value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  const diff = useQuery({
    queryKey: ['prompt', name, 'diff', from, to],
    queryFn: ({ signal }) => api.get<PromptDiff>(`${promptPath(name)}/diff`, { from, to }, signal),
    enabled: from > 0 && to > 0,
  });
  const rows = useMemo(() => foldDiff(diff.data?.lines ?? []), [diff.data]);
  return (
    <Card className="overflow-hidden">
      <div className="flex flex-wrap items-end gap-3 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <SelectField label="From" value={from} onChange={(e) => set('from', e.target.value)} className="w-28">
          {versions.map((v) => (
            <option key={v.version} value={v.version}>
              v{v.version}
            </option>
          ))}
        </SelectField>
        <SelectField label="To" value={to} onChange={(e) => set('to', e.target.value)} className="w-28">
          {versions.map((v) => (
            <option key={v.version} value={v.version}>
              v{v.version}
            </option>
          ))}
        </SelectField>
        {diff.data && (
          <p className="ml-auto flex flex-wrap items-center gap-2 text-sm" data-testid="diff-summary">
            <span className="tabular font-medium text-emerald-700 dark:text-emerald-400">+{diff.data.added}</span>
            <span className="tabular font-medium text-rose-700 dark:text-rose-400">−{diff.data.removed}</span>
            {diff.data.model_change && (
              <Badge tone="amber">
                model {diff.data.model_change[0] ?? 'none'} → {diff.data.model_change[1] ?? 'none'}
              </Badge>
            )}
            {diff.data.parameters_changed && <Badge tone="amber">parameters changed</Badge>}
          </p>
        )}
      </div>
      {diff.isPending ? (
        <Skeleton className="m-4 h-40" />
      ) : diff.isError ? (
        <ErrorState error={diff.error} onRetry={() => diff.refetch()} />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full font-mono text-xs" data-testid="diff">
            <caption className="sr-only">
              Line changes from version {from} to version {to}
            </caption>
            <thead className="sr-only">
              <tr>
                <th scope="col">Old line</th>
                <th scope="col">New line</th>
                <th scope="col">Change</th>
                <th scope="col">Text</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) =>
                r.kind === 'fold' ? (
                  <tr key={r.key} className="bg-zinc-50 text-zinc-500 dark:bg-zinc-950 dark:text-zinc-400">
                    <td colSpan={4} className="px-4 py-1 font-sans">
                      {r.count} unchanged line{r.count === 1 ? '' : 's'}
                    </td>
                  </tr>
                ) : (
                  <tr
                    key={i}
                    data-op={r.line.op}
                    className={cx(
                      r.line.op === 'insert' && 'bg-emerald-50 dark:bg-emerald-500/10',
                      r.line.op === 'delete' && 'bg-rose-50 dark:bg-rose-500/10',
                    )}
                  >
                    <td className="w-10 px-2 text-right text-zinc-500 select-none dark:text-zinc-400">{r.line.old_line ?? ''}</td>
                    <td className="w-10 px-2 text-right text-zinc-500 select-none dark:text-zinc-400">{r.line.new_line ?? ''}</td>
                    <td className={cx('w-5 text-center select-none', r.line.op === 'insert' ? 'text-emerald-700 dark:text-emerald-400' : r.line.op === 'delete' ? 'text-rose-700 dark:text-rose-400' : 'text-zinc-500')}>
                      {r.line.op === 'insert' ? '+' : r.line.op === 'delete' ? '−' : ' '}
                      <span className="sr-only">{r.line.op === 'insert' ? 'added' : r.line.op === 'delete' ? 'removed' : 'unchanged'}</span>
                    </td>
                    <td className="px-2 py-0.5 break-all whitespace-pre-wrap text-zinc-800 dark:text-zinc-200">{r.line.text || ' '}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
          {from === to && <p className="px-4 py-3 text-sm text-zinc-500 dark:text-zinc-400">Choose two different versions to see what changed.</p>}
        </div>
      )}
    </Card>
  );
}

function PreviewTab({ name, versions, initial }: { name: string; versions: PromptVersion[]; initial: number }) {
  const [version, setVersion] = useState(initial);
  const [values, setValues] = useState<Record<string, string>>({});
  const chosen = versions.find((v) => v.version === version) ?? versions[0];
  const render = useMutation({
    mutationFn: () => api.post<RenderedPrompt>(`${promptPath(name)}/render`, { version: chosen?.version, variables: Object.fromEntries((chosen?.variables ?? []).map((v) => [v, values[v] ?? ''])) }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    render.mutate();
  };
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card className="p-5">
        <form onSubmit={submit} className="space-y-3" aria-label="Render preview">
          <SelectField
            label="Version"
            value={chosen?.version ?? ''}
            onChange={(e) => {
              setVersion(Number(e.target.value));
              render.reset();
            }}
          >
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                v{v.version}
                {v.labels.length ? ` (${v.labels.join(', ')})` : ''}
              </option>
            ))}
          </SelectField>
          {(chosen?.variables ?? []).length === 0 ? (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">This version has no variables.</p>
          ) : (
            chosen?.variables.map((v) => <TextField key={v} label={v} value={values[v] ?? ''} onChange={(e) => setValues({ ...values, [v]: e.target.value })} />)
          )}
          <Button type="submit" variant="primary" disabled={render.isPending}>
            <Play aria-hidden className="size-3.5" /> Render
          </Button>
        </form>
      </Card>
      <Card className="p-5" >
        <h2 className="mb-3 text-sm font-semibold text-zinc-900 dark:text-white">Preview</h2>
        <div aria-live="polite" data-testid="render-output">
          {render.isError ? (
            <MutationError error={render.error} />
          ) : render.data ? (
            <PromptBody template={render.data.text} messages={render.data.messages} />
          ) : (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">Fill in the variables and render to see exactly what the model would get.</p>
          )}
        </div>
      </Card>
    </div>
  );
}

function ExperimentCard({ name, experiment }: { name: string; experiment: Experiment }) {
  const canWrite = usePermission('member');
  const queryClient = useQueryClient();
  const stop = useMutation({
    mutationFn: () => api.post<Experiment>(`${promptPath(name)}/experiments/${encodeURIComponent(experiment.id)}/stop`, {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['prompt', name, 'experiments'] }),
  });
  const running = experiment.status === 'running';
  return (
    <Card className="p-5">
      <div className="flex flex-wrap items-start justify-between gap-3" data-testid="experiment" data-experiment={experiment.name}>
        <div>
          <h3 className="flex items-center gap-2 font-semibold text-zinc-900 dark:text-white">
            {experiment.name}
            <Badge tone={running ? 'green' : stateTone(experiment.status)}>{experiment.status}</Badge>
          </h3>
          <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">
            Primary metric <span className="font-mono">{experiment.primary_metric}</span>
            {experiment.guardrails.length > 0 && <> · guardrails {experiment.guardrails.map((g) => <span key={g} className="font-mono">{g} </span>)}</>}
            {' · '}started {formatTimestamp(experiment.created_at)}
            {experiment.stopped_at && <> · stopped {formatTimestamp(experiment.stopped_at)}</>}
          </p>
        </div>
        {running && (
          <ConfirmButton
            label="Stop experiment"
            confirmLabel="Stop now"
            disabled={!canWrite.allowed}
            title={canWrite.reason ?? undefined}
            busy={stop.isPending}
            onConfirm={() => stop.mutate()}
          />
        )}
      </div>
      <ul className="mt-4 space-y-2">
        {variantShares(experiment.variants).map((v) => (
          <li key={v.version} className="grid grid-cols-[4rem_minmax(0,1fr)_5rem] items-center gap-3 text-sm">
            <span className="tabular font-medium">v{v.version}</span>
            <ProgressBar value={v.percent} max={100} label={`Traffic share of version ${v.version}`} />
            <span className="tabular text-right text-xs text-zinc-600 dark:text-zinc-300">
              {v.percent}% <span className="text-zinc-500 dark:text-zinc-400">(w {v.weight})</span>
            </span>
          </li>
        ))}
      </ul>
      {!canWrite.allowed && running && <ReadOnlyNote reason={canWrite.reason} className="mt-3" />}
      {stop.isError && (
        <div className="mt-3">
          <MutationError error={stop.error} />
        </div>
      )}
    </Card>
  );
}

function ExperimentsTab({ name }: { name: string }) {
  const experiments = useExperiments(name);
  if (experiments.isPending) return <Skeleton className="h-40" />;
  if (experiments.isError) return <ErrorState error={experiments.error} onRetry={() => experiments.refetch()} />;
  if (experiments.data.items.length === 0) {
    return (
      <Card>
        <EmptyState title="No experiments" icon={<FlaskConical aria-hidden className="size-5" />}>
          Start an A/B test between versions with <code className="font-mono text-xs">POST /api/v1/prompts/{name}/experiments</code>; users are split by weight.
        </EmptyState>
      </Card>
    );
  }
  return (
    <div className="space-y-4">
      {experiments.data.items.map((e) => (
        <ExperimentCard key={e.id} name={name} experiment={e} />
      ))}
    </div>
  );
}

export default function PromptPage() {
  const name = useParams().name ?? '';
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.includes(params.get('tab') as Tab) ? (params.get('tab') as Tab) : 'versions';
  const me = useMe();
  const meId = me.data?.user.id;
  const versions = useVersions(name);
  const list = useMemo(() => versions.data?.pages.flatMap((p) => p.items) ?? [], [versions.data]);
  const latest = list[0];
  const production = list.find((v) => v.labels.includes('production'));
  const selected = Number(params.get('v')) || latest?.version || 0;
  const setTab = (next: Tab) => {
    const search = new URLSearchParams(params);
    search.set('tab', next);
    if (next !== 'diff') {
      search.delete('from');
      search.delete('to');
    }
    setParams(search, { replace: true });
  };
  useEffect(() => {
    document.title = `${name} · Prompts · Argus`;
    return () => {
      document.title = 'Argus';
    };
  }, [name]);

  return (
    <>
      <Link to="/prompts" className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white">
        <ArrowLeft aria-hidden className="size-3.5" /> Prompts
      </Link>
      <PageHeader
        title={name}
        description={latest ? `${list.length}${versions.hasNextPage ? '+' : ''} version${list.length === 1 ? '' : 's'} · latest v${latest.version}${production ? ` · production v${production.version}` : ' · no production label'}` : undefined}
        actions={
          list.length > 1 && tab !== 'diff' ? (
            <Button onClick={() => setTab('diff')}>
              <GitCompare aria-hidden className="size-3.5" /> Compare versions
            </Button>
          ) : undefined
        }
      />
      {versions.isPending ? (
        <Skeleton className="h-64" />
      ) : versions.isError ? (
        <Card>
          <ErrorState error={versions.error} onRetry={() => versions.refetch()} />
        </Card>
      ) : list.length === 0 ? (
        <Card>
          <EmptyState title="This prompt has no versions" />
        </Card>
      ) : (
        <>
          <Tabs
            label="Prompt sections"
            idPrefix="prompt"
            value={tab}
            onChange={setTab}
            tabs={[
              { id: 'versions', label: 'Versions', count: list.length },
              { id: 'labels', label: 'Labels' },
              { id: 'diff', label: 'Diff' },
              { id: 'preview', label: 'Render preview' },
              { id: 'experiments', label: 'Experiments' },
            ]}
          />
          <TabPanel idPrefix="prompt" id={tab}>
            {tab === 'versions' && (
              <VersionsTab
                versions={list}
                selected={selected}
                meId={meId}
                onSelect={(v) => {
                  const search = new URLSearchParams(params);
                  search.set('v', String(v));
                  setParams(search, { replace: true });
                }}
              />
            )}
            {tab === 'labels' && <LabelsTab name={name} versions={list} meId={meId} />}
            {tab === 'diff' && <DiffTab name={name} versions={list} />}
            {tab === 'preview' && <PreviewTab name={name} versions={list} initial={production?.version ?? latest!.version} />}
            {tab === 'experiments' && <ExperimentsTab name={name} />}
          </TabPanel>
        </>
      )}
    </>
  );
}
