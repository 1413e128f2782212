import { Check, Copy, Lock } from 'lucide-react';
import { useId, useRef, useState, type InputHTMLAttributes, type KeyboardEvent, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { ApiError } from '../api/client';
import { Button, cx } from './ui';

export const inputClass =
  'mt-1 block w-full rounded-lg border border-zinc-200 bg-white px-2.5 py-1.5 text-sm text-zinc-900 shadow-xs disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100';

const labelClass = 'block text-xs font-medium text-zinc-600 dark:text-zinc-400';
const hintClass = 'mt-1 text-xs text-zinc-500 dark:text-zinc-400';

type FieldProps = { label: string; hint?: ReactNode; className?: string };

/** A labelled text input with an optional hint tied to it by aria-describedby. */
export function TextField({ label, hint, className, ...props }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...props} className={cx(inputClass, props.type === 'number' && 'tabular')} />
      {hint && (
        <p id={`${id}-hint`} className={hintClass}>
          {hint}
        </p>
      )}
    </div>
  );
}

export function SelectField({ label, hint, className, children, ...props }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...props} className={inputClass}>
        {children}
      </select>
      {hint && (
        <p id={`${id}-hint`} className={hintClass}>
          {hint}
        </p>
      )}
    </div>
  );
}

export function TextAreaField({ label, hint, className, ...props }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <textarea id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...props} className={cx(inputClass, 'font-mono text-xs')} />
      {hint && (
        <p id={`${id}-hint`} className={hintClass}>
          {hint}
        </p>
      )}
    </div>
  );
}

export interface TabItem<K extends string> {
  id: K;
  label: string;
  count?: number;
}

/**
 * An accessible tab list (ARIA tabs pattern): arrow keys, Home and End move between tabs; each tab
 * controls the panel `${idPrefix}-panel-${id}`, rendered by {@link TabPanel}.
 */
export function Tabs<K extends string>({ tabs, value, onChange, label, idPrefix }: { tabs: TabItem<K>[]; value: K; onChange: (id: K) => void; label: string; idPrefix: string }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (event: KeyboardEvent, index: number) => {
    let next = -1;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    event.preventDefault();
    onChange(tabs[next]!.id);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="mb-4 flex gap-1 overflow-x-auto border-b border-zinc-200 dark:border-zinc-800">
      {tabs.map((tab, i) => {
        const selected = tab.id === value;
        return (
          <button
            key={tab.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${tab.id}`}
            aria-selected={selected}
            aria-controls={`${idPrefix}-panel-${tab.id}`}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(tab.id)}
            onKeyDown={(e) => onKey(e, i)}
            className={cx(
              '-mb-px inline-flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors',
              selected
                ? 'border-brand-600 text-zinc-900 dark:border-brand-400 dark:text-white'
                : 'border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
            )}
          >
            {tab.label}
            {tab.count !== undefined && <span className="tabular rounded-full bg-zinc-100 px-1.5 text-[11px] text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">{tab.count}</span>}
          </button>
        );
      })}
    </div>
  );
}

export function TabPanel({ idPrefix, id, children }: { idPrefix: string; id: string; children: ReactNode }) {
  return (
    <div role="tabpanel" id={`${idPrefix}-panel-${id}`} aria-labelledby={`${idPrefix}-tab-${id}`}>
      {children}
    </div>
  );
}

/**
 * A destructive action that asks once more in place (no browser dialog): the first click shows
 * "Confirm" and "Cancel", the second runs it.
 */
export function ConfirmButton({
  label,
  confirmLabel,
  onConfirm,
  busy = false,
  disabled = false,
  title,
  className,
}: {
  label: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  busy?: boolean;
  disabled?: boolean;
  title?: string;
  className?: string;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button variant="danger" className={className} disabled={disabled || busy} title={title} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <span className="inline-flex items-center gap-1">
      <Button
        variant="danger"
        className="ring-1 ring-rose-300 dark:ring-rose-800"
        disabled={busy}
        autoFocus
        onClick={() => {
          onConfirm();
          setAsking(false);
        }}
      >
        {confirmLabel}
      </Button>
      <Button variant="ghost" onClick={() => setAsking(false)}>
        Cancel
      </Button>
    </span>
  );
}

/** Copies a value to the clipboard and says so for a moment; `what` completes the name for screen readers ("Copy the key"). */
export function CopyButton({ value, what, className }: { value: string; what: string; className?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      className={className}
      onClick={() => {
        void navigator.clipboard?.writeText(value).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        });
      }}
    >
      {copied ? <Check aria-hidden className="size-3.5" /> : <Copy aria-hidden className="size-3.5" />}
      <span aria-live="polite">{copied ? 'Copied' : 'Copy'}</span>
      <span className="sr-only"> {what}</span>
    </Button>
  );
}

/** Says why the write controls of a section are disabled. */
export function ReadOnlyNote({ reason, className }: { reason: string | null; className?: string }) {
  if (!reason) return null;
  return (
    <p className={cx('flex items-start gap-2 rounded-lg bg-zinc-100 px-3 py-2 text-xs text-zinc-600 dark:bg-zinc-800/60 dark:text-zinc-300', className)} data-testid="read-only">
      <Lock aria-hidden className="mt-px size-3.5 shrink-0" />
      <span>Read-only. {reason}</span>
    </p>
  );
}

/** The error of a failed write, in words. */
export function MutationError({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof ApiError ? error.message : error instanceof Error ? error.message : 'Something went wrong.';
  return (
    <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:bg-rose-500/10 dark:text-rose-300">
      {message}
    </p>
  );
}

/** A determinate progress bar with its numbers for screen readers. */
export function ProgressBar({ value, max, label, tone = 'brand' }: { value: number; max: number; label: string; tone?: 'brand' | 'red' | 'green' | 'amber' }) {
  const pct = max > 0 ? Math.min(100, Math.max(0, (value / max) * 100)) : 0;
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value} className="h-1.5 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800">
      <div
        className={cx(
          'h-full rounded-full',
          tone === 'brand' && 'bg-brand-500',
          tone === 'red' && 'bg-rose-500',
          tone === 'green' && 'bg-emerald-500',
          tone === 'amber' && 'bg-amber-500',
        )}
        style={{ width: `${pct}%` }}
      />
    </div>
  );
}

export const tableClass = 'w-full text-sm';
export const thClass = 'px-4 py-2 text-left text-xs font-medium text-zinc-500 dark:text-zinc-400';
export const tdClass = 'px-4 py-2.5 align-middle';
