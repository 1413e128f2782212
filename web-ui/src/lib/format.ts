/** Number, money, duration and time formatting used across the console (en-US, UTC-safe). */

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export const DASH = '—';

function toNumber(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** 1234 → "1,234"; big numbers compact when asked: 1234567 → "1.2M". */
export function formatCount(value: number | string | null | undefined, options: { compact?: boolean } = {}): string {
  const n = toNumber(value);
  if (n === null) return DASH;
  return options.compact && Math.abs(n) >= 10_000 ? compact.format(n) : integer.format(n);
}

/**
 * US dollars with as many decimals as small amounts need: $1,234.50, $0.0042, $0.000018.
 * Null (no known price) shows a dash, never $0.
 */
export function formatUsd(value: number | string | null | undefined): string {
  const n = toNumber(value);
  if (n === null) return DASH;
  if (n === 0) return '$0.00';
  const abs = Math.abs(n);
  let digits = 2;
  if (abs < 1) digits = Math.min(8, Math.max(2, 2 - Math.floor(Math.log10(abs)) + 1));
  const text = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: digits,
  }).format(n);
  return text;
}

/** Milliseconds as a readable duration: 840 ms, 1.25 s, 2 m 05 s, 1 h 02 m. */
export function formatDuration(ms: number | string | null | undefined): string {
  const n = toNumber(ms);
  if (n === null) return DASH;
  if (n < 1000) return `${Math.round(n)} ms`;
  if (n < 10_000) return `${(n / 1000).toFixed(2)} s`;
  if (n < 60_000) return `${(n / 1000).toFixed(1)} s`;
  const totalSeconds = Math.round(n / 1000);
  if (totalSeconds < 3600) return `${Math.floor(totalSeconds / 60)} m ${String(totalSeconds % 60).padStart(2, '0')} s`;
  const minutes = Math.floor(totalSeconds / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} m`;
}

/** 0.9731 → "97.3%". */
export function formatPercent(ratio: number | string | null | undefined, digits = 1): string {
  const n = toNumber(ratio);
  if (n === null) return DASH;
  return `${(n * 100).toFixed(digits)}%`;
}

/** A signed relative change: 0.124 → "+12.4%", -0.05 → "−5.0%". */
export function formatChange(change: number | null | undefined): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return DASH;
  const pct = (change * 100).toFixed(1);
  if (change > 0) return `+${pct}%`;
  if (change < 0) return `−${pct.slice(1)}%`;
  return '0.0%';
}

/** An ISO time as "2026-05-01 14:03:07" in UTC, or in the browser's zone when asked. */
export function formatTimestamp(iso: string | null | undefined, zone: 'utc' | 'local' = 'local'): string {
  if (!iso) return DASH;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return DASH;
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone: zone === 'utc' ? 'UTC' : undefined,
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/** "3 s ago", "5 min ago", "2 h ago", "4 d ago". */
export function formatRelative(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return DASH;
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return DASH;
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} d ago`;
}
