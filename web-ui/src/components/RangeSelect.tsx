import { CalendarClock } from 'lucide-react';
import type { RangeKey } from '../features/calls/callFilters';

const LABELS: Record<Exclude<RangeKey, 'custom'>, string> = {
  '15m': 'Last 15 minutes',
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  all: 'All time',
};

/** The time window picker shared by the dashboard and the call explorer (kept in the URL as `range`). */
export function RangeSelect({ value, onChange }: { value: RangeKey; onChange: (range: RangeKey) => void }) {
  return (
    <label className="relative flex items-center">
      <span className="sr-only">Time range</span>
      <CalendarClock aria-hidden className="pointer-events-none absolute left-2.5 size-4 text-zinc-500 dark:text-zinc-400" />
      <select
        value={value}
        onChange={(e) => onChange(e.target.value as RangeKey)}
        className="appearance-none rounded-lg border border-zinc-200 bg-white py-1.5 pr-3 pl-8 text-sm font-medium shadow-xs dark:border-zinc-700 dark:bg-zinc-900"
      >
        {value === 'custom' && <option value="custom">Custom range</option>}
        {Object.entries(LABELS).map(([key, label]) => (
          <option key={key} value={key}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}
