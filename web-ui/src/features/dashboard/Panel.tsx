import { BarChart3 } from 'lucide-react';
import type { ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { Card } from '../../components/ui';

/** A 404 `not_found` from a metrics route: this server does not serve it (yet). */
export function isMissing(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && error.code === 'not_found';
}

export function ChartCard({ title, subtitle, children, actions, testId }: { title: string; subtitle?: string; children: ReactNode; actions?: ReactNode; testId?: string }) {
  return (
    <Card className="px-5 pt-4 pb-5">
      <div className="mb-3 flex items-start justify-between gap-3" data-testid={testId}>
        <div>
          <h2 className="text-sm font-semibold text-zinc-900 dark:text-white">{title}</h2>
          {subtitle && <p className="text-xs text-zinc-500 dark:text-zinc-400">{subtitle}</p>}
        </div>
        {actions}
      </div>
      {children}
    </Card>
  );
}

export function NoData({ missing, text, height = 'h-[220px]' }: { missing: boolean; text?: string; height?: string }) {
  return (
    <div className={`flex ${height} flex-col items-center justify-center rounded-lg border border-dashed border-zinc-200 text-center dark:border-zinc-800`}>
      <BarChart3 aria-hidden className="mb-2 size-5 text-zinc-300 dark:text-zinc-600" />
      <p className="text-sm font-medium text-zinc-600 dark:text-zinc-300">No data yet</p>
      <p className="mt-0.5 max-w-64 text-xs text-zinc-500 dark:text-zinc-400">{missing ? 'Metrics are not available on this server yet.' : (text ?? 'No calls in this time range.')}</p>
    </div>
  );
}
