import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import type { VisibilityState } from '@tanstack/react-table';
import { Columns3, Radio, RotateCw, Search, SlidersHorizontal, X } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import type { Call, Page } from '../../api/types';
import { api } from '../../app/api';
import { RangeSelect } from '../../components/RangeSelect';
import { Badge, Button, Card, EmptyState, ErrorState, PageHeader, Skeleton, cx } from '../../components/ui';
import { formatCount } from '../../lib/format';
import {
  ERROR_CATEGORIES,
  STATUSES,
  activeFilterCount,
  filtersFromSearch,
  filtersToQuery,
  filtersToSearch,
  type CallFilters,
  type TextFilter,
} from './callFilters';
import { CallDrawer } from './CallDrawer';
import { LiveStatusBadge } from '../live/LivePanel';
import { throttle } from '../live/throttle';
import { useLiveFeed } from '../live/useLiveFeed';
import { CallsTable } from './CallsTable';
import { ExportMenu } from './ExportMenu';
import { DEFAULT_HIDDEN, callColumns } from './columns';

const PAGE_SIZE = 200;
const COLUMNS_KEY = 'argus.calls.columns';

type CallsPageData = Page<Call> & { now: number };

const fieldClass =
  'mt-1 block w-full rounded-lg border border-zinc-200 bg-white px-2.5 py-1.5 text-sm shadow-xs dark:border-zinc-700 dark:bg-zinc-950';

function loadVisibility(): VisibilityState {
  try {
    return { ...DEFAULT_HIDDEN, ...(JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? '{}') as VisibilityState) };
  } catch {
    return DEFAULT_HIDDEN;
  }
}

function ColumnChooser({ visibility, onChange }: { visibility: VisibilityState; onChange: (v: VisibilityState) => void }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  return (
    <div className="relative" ref={ref}>
      <Button aria-expanded={open} aria-haspopup="true" onClick={() => setOpen((o) => !o)}>
        <Columns3 aria-hidden className="size-3.5" /> Columns
      </Button>
      {open && (
        <fieldset className="absolute right-0 z-20 mt-1 w-52 rounded-xl border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          <legend className="sr-only">Visible columns</legend>
          {callColumns.map((c) => (
            <label key={c.id} className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-zinc-50 dark:hover:bg-zinc-800">
              <input
                type="checkbox"
                className="accent-brand-600"
                checked={visibility[c.id!] !== false}
                onChange={(e) => onChange({ ...visibility, [c.id!]: e.target.checked })}
              />
              {String(c.header)}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}

const TEXT_FIELDS: { key: Exclude<TextFilter, 'q' | 'status' | 'error_category'>; label: string; placeholder: string }[] = [
  { key: 'provider', label: 'Provider', placeholder: 'openai' },
  { key: 'model', label: 'Model', placeholder: 'gpt-4o-mini' },
  { key: 'user_id', label: 'User', placeholder: 'end-user id' },
  { key: 'session_id', label: 'Session', placeholder: 'session id' },
  { key: 'prompt', label: 'Prompt', placeholder: 'prompt name' },
];

function FilterPanel({ filters, onApply }: { filters: CallFilters; onApply: (f: CallFilters) => void }) {
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  return (
    <form onSubmit={submit} className="grid grid-cols-2 gap-3 border-b border-zinc-200 px-4 py-4 md:grid-cols-4 xl:grid-cols-8 dark:border-zinc-800" aria-label="Call filters">
      <label className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
        Status
        <select className={fieldClass} value={draft.status ?? ''} onChange={(e) => onApply({ ...draft, status: e.target.value || undefined })}>
          <option value="">Any</option>
          {STATUSES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
        Error category
        <select className={fieldClass} value={draft.error_category ?? ''} onChange={(e) => onApply({ ...draft, error_category: e.target.value || undefined })}>
          <option value="">Any</option>
          {ERROR_CATEGORIES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      {TEXT_FIELDS.map((f) => (
        <label key={f.key} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
          {f.label}
          <input
            className={fieldClass}
            placeholder={f.placeholder}
            value={draft[f.key] ?? ''}
            onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
            onBlur={() => onApply(draft)}
          />
        </label>
      ))}
      <label className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
        Tags
        <input
          className={fieldClass}
          placeholder="prod, beta"
          value={draft.tags.join(', ')}
          onChange={(e) => setDraft({ ...draft, tags: e.target.value.split(',').map((t) => t.trim()).filter(Boolean) })}
          onBlur={() => onApply(draft)}
        />
      </label>
      <button type="submit" className="sr-only">
        Apply filters
      </button>
    </form>
  );
}

export default function CallsPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(params), [params]);
  const selectedId = params.get('call');
  const [showFilters, setShowFilters] = useState(() => activeFilterCount(filters) > 0);
  const [visibility, setVisibility] = useState<VisibilityState>(loadVisibility);
  const [q, setQ] = useState(filters.q ?? '');
  const [live, setLive] = useState(true);
  const queryClient = useQueryClient();
  // new calls arrive over the live feed; the list refetches at most once a second while they do
  const refetchCalls = useMemo(() => throttle(() => void queryClient.invalidateQueries({ queryKey: ['calls'] }), 1000), [queryClient]);
  useEffect(() => () => refetchCalls.cancel(), [refetchCalls]);
  const feed = useLiveFeed(live, (delta) => {
    if (delta.calls > 0) refetchCalls.run();
  });
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);

  const apply = useCallback(
    (next: CallFilters) => {
      const search = filtersToSearch(next);
      if (selectedId) search.set('call', selectedId);
      setParams(search, { replace: false });
    },
    [setParams, selectedId],
  );

  const filterKey = filtersToSearch(filters).toString();
  const calls = useInfiniteQuery({
    queryKey: ['calls', filterKey],
    initialPageParam: { cursor: null as string | null, now: 0 },
    queryFn: async ({ pageParam, signal }): Promise<CallsPageData> => {
      const now = pageParam.now || Date.now();
      const page = await api.get<Page<Call>>('/api/v1/calls', { ...filtersToQuery(filters, now), limit: PAGE_SIZE, cursor: pageParam.cursor }, signal);
      return { ...page, now };
    },
    getNextPageParam: (last) => (last.next_cursor ? { cursor: last.next_cursor, now: last.now } : undefined),
  });
  const rows = useMemo(() => calls.data?.pages.flatMap((p) => p.items) ?? [], [calls.data]);
  const notAvailable = calls.error instanceof ApiError && calls.error.status === 404 && calls.error.code === 'not_found';

  const setOpen = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('call', id);
    else next.delete('call');
    setParams(next);
  };
  const closeDrawer = useCallback(() => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.delete('call');
      return next;
    });
  }, [setParams]);

  const count = activeFilterCount(filters);

  return (
    <>
      <PageHeader
        title="Calls"
        description="Every LLM call Argus has seen, newest first. Filters live in the URL, so views can be shared."
        actions={
          <>
            {live && <LiveStatusBadge status={feed.status} />}
            <ExportMenu filters={filters} />
            <Button onClick={() => setLive((l) => !l)} aria-pressed={live} className={cx(live && 'border-emerald-300 text-emerald-700 dark:border-emerald-700 dark:text-emerald-400')}>
              <Radio aria-hidden className={cx('size-3.5', live && 'animate-pulse')} /> {live ? 'Live' : 'Paused'}
            </Button>
            <Button onClick={() => calls.refetch()} disabled={calls.isFetching}>
              <RotateCw aria-hidden className={cx('size-3.5', calls.isFetching && 'animate-spin')} /> Refresh
            </Button>
          </>
        }
      />
      <Card className="overflow-hidden">
        <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
          <form
            role="search"
            className="relative min-w-56 flex-1"
            onSubmit={(e) => {
              e.preventDefault();
              apply({ ...filters, q: q.trim() || undefined });
            }}
          >
            <label htmlFor="calls-q" className="sr-only">
              Search prompts and responses
            </label>
            <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-zinc-500 dark:text-zinc-400" />
            <input
              id="calls-q"
              type="search"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              placeholder="Search prompts and responses…"
              className="w-full rounded-lg border border-zinc-200 bg-white py-1.5 pr-3 pl-8 text-sm shadow-xs dark:border-zinc-700 dark:bg-zinc-950"
            />
          </form>
          <RangeSelect value={filters.range} onChange={(range) => apply({ ...filters, range, from: undefined, to: undefined })} />
          <Button aria-expanded={showFilters} aria-controls="call-filters" onClick={() => setShowFilters((s) => !s)}>
            <SlidersHorizontal aria-hidden className="size-3.5" /> Filters {count > 0 && <Badge tone="brand">{count}</Badge>}
          </Button>
          {count > 0 && (
            <Button variant="ghost" onClick={() => apply({ range: filters.range, from: filters.from, to: filters.to, tags: [], q: filters.q })}>
              <X aria-hidden className="size-3.5" /> Clear
            </Button>
          )}
          <ColumnChooser
            visibility={visibility}
            onChange={(v) => {
              setVisibility(v);
              localStorage.setItem(COLUMNS_KEY, JSON.stringify(v));
            }}
          />
        </div>
        {showFilters && (
          <div id="call-filters">
            <FilterPanel filters={filters} onApply={apply} />
          </div>
        )}
        {calls.isPending ? (
          <div className="space-y-2 p-4">
            {Array.from({ length: 8 }, (_, i) => (
              <Skeleton key={i} className="h-9" />
            ))}
          </div>
        ) : notAvailable ? (
          <EmptyState title="No calls yet">
            This server does not record calls yet (the calls API answered 404). Once call tracking is enabled, calls sent through the ingest API or the proxy
            appear here.
          </EmptyState>
        ) : calls.isError ? (
          <ErrorState error={calls.error} onRetry={() => calls.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState title="No calls match">{count > 0 || filters.q ? 'Loosen the filters or widen the time range.' : 'No calls were recorded in this time range.'}</EmptyState>
        ) : (
          <>
            <CallsTable
              calls={rows}
              visibility={visibility}
              hasMore={Boolean(calls.hasNextPage)}
              loadingMore={calls.isFetchingNextPage}
              onLoadMore={() => void calls.fetchNextPage()}
              onOpen={setOpen}
              selectedId={selectedId}
            />
            <div className="border-t border-zinc-200 px-4 py-2 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400" aria-live="polite">
              {formatCount(rows.length)} calls loaded{calls.hasNextPage ? ', scroll for more' : ''}
              {live && feed.totals.calls > 0 && <span data-testid="live-new-calls"> · {formatCount(feed.totals.calls)} new since you opened this page</span>}
            </div>
          </>
        )}
      </Card>
      {selectedId && <CallDrawer id={selectedId} onClose={closeDrawer} />}
    </>
  );
}
