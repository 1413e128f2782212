import { flexRender, getCoreRowModel, useReactTable, type VisibilityState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { Call } from '../../api/types';
import { Spinner, cx } from '../../components/ui';
import { callColumns } from './columns';

const ROW_HEIGHT = 48;

/**
 * The call list: only the rows in view are in the DOM, so it stays smooth over tens of thousands of
 * loaded rows; scrolling near the end asks for the next page.
 */
export function CallsTable({
  calls,
  visibility,
  hasMore,
  loadingMore,
  onLoadMore,
  onOpen,
  selectedId,
}: {
  calls: Call[];
  visibility: VisibilityState;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onOpen: (id: string) => void;
  selectedId: string | null;
}) {
  const table = useReactTable({
    data: calls,
    columns: callColumns,
    state: { columnVisibility: visibility },
    getCoreRowModel: getCoreRowModel(),
    getRowId: (c) => c.id,
  });
  const rows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1];

  useEffect(() => {
    if (last && last.index >= rows.length - 20 && hasMore && !loadingMore) onLoadMore();
  }, [last, rows.length, hasMore, loadingMore, onLoadMore]);

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = last ? virtualizer.getTotalSize() - last.end : 0;
  const columns = table.getVisibleLeafColumns();
  const width = columns.reduce((sum, c) => sum + c.getSize(), 0);

  return (
    <div ref={scroller} className="h-[calc(100vh-15rem)] min-h-80 overflow-auto" data-testid="calls-scroller">
      <table className="w-full table-fixed border-separate border-spacing-0 text-sm" style={{ minWidth: width }} aria-rowcount={rows.length + 1}>
        <colgroup>
          {columns.map((c) => (
            <col key={c.id} style={{ width: c.getSize() }} />
          ))}
        </colgroup>
        <thead className="sticky top-0 z-10 bg-zinc-50/95 backdrop-blur dark:bg-zinc-900/95">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th
                  key={header.id}
                  scope="col"
                  className={cx(
                    'border-b border-zinc-200 px-3 py-2.5 text-xs font-medium whitespace-nowrap text-zinc-500 dark:border-zinc-800 dark:text-zinc-400',
                    header.column.columnDef.meta?.numeric ? 'text-right' : 'text-left',
                  )}
                >
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {paddingTop > 0 && (
            <tr aria-hidden>
              <td style={{ height: paddingTop }} colSpan={columns.length} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index]!;
            const selected = row.id === selectedId;
            return (
              <tr
                key={row.id}
                tabIndex={0}
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                aria-label={`Call ${row.original.model} at ${row.original.started_at}, ${row.original.status}. Press Enter for details.`}
                onClick={() => onOpen(row.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onOpen(row.id);
                  } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                    e.preventDefault();
                    const sibling = (e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling) as HTMLElement | null;
                    if (sibling?.tabIndex === 0) sibling.focus();
                  }
                }}
                style={{ height: ROW_HEIGHT }}
                className={cx(
                  'cursor-pointer outline-none focus-visible:bg-brand-50 dark:focus-visible:bg-brand-500/10',
                  selected ? 'bg-brand-50 dark:bg-brand-500/10' : 'hover:bg-zinc-50 dark:hover:bg-zinc-800/40',
                )}
              >
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={cx(
                      'overflow-hidden border-b border-zinc-100 px-3 whitespace-nowrap text-ellipsis dark:border-zinc-800/70',
                      cell.column.columnDef.meta?.numeric && 'tabular text-right',
                    )}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden>
              <td style={{ height: paddingBottom }} colSpan={columns.length} />
            </tr>
          )}
        </tbody>
      </table>
      {(loadingMore || hasMore) && <div className="flex justify-center py-3">{loadingMore ? <Spinner label="Loading more calls" /> : null}</div>}
    </div>
  );
}
