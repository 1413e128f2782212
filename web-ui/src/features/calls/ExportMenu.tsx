import { Download, LoaderCircle, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { api } from '../../app/api';
import { Button } from '../../components/ui';
import { filtersToQuery, type CallFilters } from './callFilters';

const FORMATS = [
  { format: 'csv', label: 'CSV', ext: 'csv' },
  { format: 'json', label: 'JSON array', ext: 'json' },
  { format: 'ndjson', label: 'NDJSON', ext: 'ndjson' },
] as const;

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Exports the calls matching the current filters, streamed from the server, with progress and cancel. */
export function ExportMenu({ filters }: { filters: CallFilters }) {
  const [open, setOpen] = useState(false);
  const [bytes, setBytes] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
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

  const run = async (format: string, ext: string) => {
    setOpen(false);
    setMessage(null);
    setBytes(0);
    const controller = new AbortController();
    abort.current = controller;
    try {
      const blob = await api.download('/api/v1/calls/export', { ...filtersToQuery(filters, Date.now()), format }, setBytes, controller.signal);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `argus-calls-${new Date().toISOString().replace(/[:.]/g, '-')}.${ext}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setMessage(`Exported ${formatBytes(blob.size)}`);
    } catch (e) {
      if (controller.signal.aborted) setMessage('Export cancelled');
      else if (e instanceof ApiError && e.status === 404) setMessage('Export is not available on this server yet');
      else setMessage(e instanceof Error ? e.message : 'Export failed');
    } finally {
      setBytes(null);
      abort.current = null;
    }
  };

  if (bytes !== null) {
    return (
      <div className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-300" role="status">
        <LoaderCircle aria-hidden className="size-4 animate-spin" />
        Exporting… {formatBytes(bytes)}
        <Button variant="ghost" className="px-1.5" aria-label="Cancel export" onClick={() => abort.current?.abort()}>
          <X aria-hidden className="size-3.5" />
        </Button>
      </div>
    );
  }
  return (
    <div className="relative flex items-center gap-2" ref={ref}>
      {message && !open && (
        <span role="status" className="absolute top-full right-0 mt-1 text-xs whitespace-nowrap text-zinc-500 dark:text-zinc-400">
          {message}
        </span>
      )}
      <Button aria-expanded={open} aria-haspopup="menu" onClick={() => setOpen((o) => !o)}>
        <Download aria-hidden className="size-3.5" /> Export
      </Button>
      {open && (
        <div role="menu" className="absolute top-full right-0 z-20 mt-1 w-44 rounded-xl border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          {FORMATS.map((f) => (
            <button
              key={f.format}
              type="button"
              role="menuitem"
              className="block w-full rounded-md px-3 py-1.5 text-left text-sm hover:bg-zinc-50 focus-visible:bg-zinc-50 dark:hover:bg-zinc-800 dark:focus-visible:bg-zinc-800"
              onClick={() => void run(f.format, f.ext)}
            >
              {f.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
