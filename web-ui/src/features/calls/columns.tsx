import { createColumnHelper } from '@tanstack/react-table';
import type { Call } from '../../api/types';
import { Badge, stateTone } from '../../components/ui';
import { formatCount, formatDuration, formatTimestamp, formatUsd } from '../../lib/format';

const col = createColumnHelper<Call>();

/** The explorer's columns; `size` is the column's width in pixels. */
export const callColumns = [
  col.accessor('started_at', { id: 'time', header: 'Time', size: 185, cell: (c) => <span className="tabular text-zinc-600 dark:text-zinc-300">{formatTimestamp(c.getValue())}</span> }),
  col.accessor('status', {
    id: 'status',
    header: 'Status',
    size: 120,
    cell: (c) => <Badge tone={stateTone(c.getValue())}>{c.row.original.error?.category ?? c.getValue()}</Badge>,
  }),
  col.accessor('model', {
    id: 'model',
    header: 'Model',
    size: 220,
    cell: (c) => (
      <div className="min-w-0">
        <div className="truncate font-medium text-zinc-900 dark:text-zinc-100">{c.getValue()}</div>
        <div className="truncate text-xs text-zinc-600 dark:text-zinc-400">{c.row.original.provider}</div>
      </div>
    ),
  }),
  col.accessor((c) => (c.prompt ? `${c.prompt.name}${c.prompt.version != null ? ` v${c.prompt.version}` : ''}` : null), {
    id: 'prompt',
    header: 'Prompt',
    size: 150,
    cell: (c) => c.getValue() ?? <span className="text-zinc-500 dark:text-zinc-400">—</span>,
  }),
  col.accessor('latency_ms', { id: 'latency', header: 'Latency', size: 100, meta: { numeric: true }, cell: (c) => formatDuration(c.getValue()) }),
  col.accessor('time_to_first_token_ms', { id: 'ttft', header: 'First token', size: 100, meta: { numeric: true }, cell: (c) => formatDuration(c.getValue()) }),
  col.accessor((c) => c.usage, {
    id: 'tokens',
    header: 'Tokens in → out',
    size: 140,
    meta: { numeric: true },
    cell: (c) => `${formatCount(c.getValue()?.input_tokens, { compact: true })} → ${formatCount(c.getValue()?.output_tokens, { compact: true })}`,
  }),
  col.accessor('cost_usd', { id: 'cost', header: 'Cost', size: 100, meta: { numeric: true }, cell: (c) => formatUsd(c.getValue()) }),
  col.accessor('user_id', { id: 'user', header: 'User', size: 140, cell: (c) => <span className="truncate font-mono text-xs">{c.getValue() ?? '—'}</span> }),
  col.accessor('session_id', { id: 'session', header: 'Session', size: 140, cell: (c) => <span className="truncate font-mono text-xs">{c.getValue() ?? '—'}</span> }),
  col.accessor('tags', {
    id: 'tags',
    header: 'Tags',
    size: 160,
    enableSorting: false,
    cell: (c) => (
      <div className="flex gap-1 overflow-hidden">
        {(c.getValue() ?? []).slice(0, 3).map((t) => (
          <Badge key={t}>{t}</Badge>
        ))}
      </div>
    ),
  }),
  col.accessor('id', { id: 'id', header: 'Call ID', size: 290, cell: (c) => <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{c.getValue()}</span> }),
];

export const DEFAULT_HIDDEN: Record<string, boolean> = { ttft: false, session: false, id: false };

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData, TValue> {
    numeric?: boolean;
  }
}
