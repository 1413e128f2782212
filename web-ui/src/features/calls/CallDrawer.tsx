import { useQuery } from '@tanstack/react-query';
import { Check, Copy } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Call, CallScore, Page } from '../../api/types';
import { api } from '../../app/api';
import { Drawer } from '../../components/Drawer';
import { Badge, ErrorState, Skeleton, cx, stateTone } from '../../components/ui';
import { formatCount, formatDuration, formatTimestamp, formatUsd } from '../../lib/format';
import { messageText, toMessages } from './messages';

function Stat({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="rounded-lg border border-zinc-200 px-3 py-2 dark:border-zinc-800">
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="tabular mt-0.5 text-sm font-semibold text-zinc-900 dark:text-zinc-100">{value}</dd>
    </div>
  );
}

function CopyValue({ value }: { value: string | null | undefined }) {
  const [copied, setCopied] = useState(false);
  if (!value) return <span className="text-zinc-500 dark:text-zinc-400">—</span>;
  return (
    <span className="inline-flex min-w-0 items-center gap-1">
      <span className="truncate font-mono text-xs">{value}</span>
      <button
        type="button"
        aria-label={`Copy ${value}`}
        className="rounded p-0.5 text-zinc-500 dark:text-zinc-400 hover:text-zinc-700 dark:hover:text-zinc-200"
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(() => {
            setCopied(true);
            setTimeout(() => setCopied(false), 1200);
          });
        }}
      >
        {copied ? <Check aria-hidden className="size-3.5" /> : <Copy aria-hidden className="size-3.5" />}
      </button>
    </span>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mt-6">
      <h3 className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{title}</h3>
      {children}
    </section>
  );
}

const roleTone: Record<string, string> = {
  system: 'border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-950',
  user: 'border-sky-200 bg-sky-50/60 dark:border-sky-900/60 dark:bg-sky-950/30',
  assistant: 'border-brand-200 bg-brand-50/60 dark:border-brand-700/40 dark:bg-brand-500/5',
};

function Messages({ value, defaultRole }: { value: unknown; defaultRole: string }) {
  const messages = toMessages(value, defaultRole);
  if (messages.length === 0) return <p className="text-sm text-zinc-500 dark:text-zinc-400">Not recorded.</p>;
  return (
    <ol className="space-y-2">
      {messages.map((m, i) => (
        <li key={i} className={cx('rounded-lg border px-3 py-2', roleTone[m.role] ?? roleTone.system)}>
          <div className="mb-1 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{m.role}</div>
          <pre className="font-sans text-sm break-words whitespace-pre-wrap text-zinc-800 dark:text-zinc-200">{messageText(m.content)}</pre>
        </li>
      ))}
    </ol>
  );
}

function Json({ value }: { value: unknown }) {
  return (
    <pre className="overflow-x-auto rounded-lg bg-zinc-50 p-3 font-mono text-xs text-zinc-700 dark:bg-zinc-950 dark:text-zinc-300">
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/** Every score the call received, from evaluations and online rules (`GET /api/v1/calls/{id}/scores`). */
function Scores({ id }: { id: string }) {
  const scores = useQuery({
    queryKey: ['call', id, 'scores'],
    queryFn: ({ signal }) => api.get<Page<CallScore>>(`/api/v1/calls/${encodeURIComponent(id)}/scores`, undefined, signal),
  });
  if (scores.isPending) return <Skeleton className="h-10" />;
  if (scores.isError) return <ErrorState error={scores.error} onRetry={() => scores.refetch()} />;
  if (scores.data.items.length === 0) return <p className="text-sm text-zinc-500 dark:text-zinc-400">Not evaluated yet.</p>;
  return (
    <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800" data-testid="call-scores">
      {scores.data.items.map((s, i) => (
        <li key={`${s.evaluation_id ?? 'online'}-${s.evaluator}-${i}`} className="px-3 py-2 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium text-zinc-900 dark:text-zinc-100">{s.evaluator}</span>
            <span className="tabular rounded-md bg-brand-50 px-1.5 font-semibold text-brand-700 dark:bg-brand-500/10 dark:text-brand-300">{s.value.toFixed(3)}</span>
            {s.label && <Badge>{s.label}</Badge>}
            <span className="ml-auto text-xs text-zinc-500 dark:text-zinc-400">
              {s.evaluation_id ? (
                <Link to={`/evaluations/${s.evaluation_id}`} className="hover:underline">
                  evaluation {s.evaluation_id.slice(0, 8)}
                </Link>
              ) : (
                'online rule'
              )}{' '}
              · {formatTimestamp(s.created_at)}
            </span>
          </div>
          {s.explanation && <p className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-300">{s.explanation}</p>}
        </li>
      ))}
    </ul>
  );
}

export function CallDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const call = useQuery({
    queryKey: ['call', id],
    queryFn: ({ signal }) => api.get<Call>(`/api/v1/calls/${encodeURIComponent(id)}`, undefined, signal),
  });
  const c = call.data;
  return (
    <Drawer
      onClose={onClose}
      title={c ? `${c.model}` : 'Call'}
      subtitle={
        c ? (
          <span className="flex flex-wrap items-center gap-2">
            <span>{c.provider}</span>
            <Badge tone={stateTone(c.status)}>{c.status}</Badge>
            <span>{formatTimestamp(c.started_at)}</span>
          </span>
        ) : (
          <span className="font-mono text-xs">{id}</span>
        )
      }
    >
      {call.isPending ? (
        <div className="space-y-3">
          <Skeleton className="h-16" />
          <Skeleton className="h-40" />
        </div>
      ) : call.isError ? (
        <ErrorState error={call.error} onRetry={() => call.refetch()} />
      ) : c ? (
        <>
          {c.error && (
            <div role="alert" className="mb-4 rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-sm dark:border-rose-900/50 dark:bg-rose-500/10">
              <div className="flex items-center gap-2 font-medium text-rose-700 dark:text-rose-300">
                {c.error.category}
                {c.error.http_status && <span className="font-mono text-xs">HTTP {c.error.http_status}</span>}
              </div>
              {c.error.message && <p className="mt-1 text-rose-700/90 dark:text-rose-300/90">{c.error.message}</p>}
            </div>
          )}
          <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            <Stat label="Latency" value={formatDuration(c.latency_ms)} />
            <Stat label="First token" value={formatDuration(c.time_to_first_token_ms)} />
            <Stat label="Cost" value={c.cost_usd === null ? <span title="No price known for this model">unpriced</span> : formatUsd(c.cost_usd)} />
            <Stat label="Tokens in / out" value={`${formatCount(c.usage?.input_tokens)} / ${formatCount(c.usage?.output_tokens)}`} />
            <Stat label="Cache read" value={formatCount(c.usage?.cache_read_input_tokens)} />
            <Stat label="Cache write" value={formatCount(c.usage?.cache_write_input_tokens)} />
            <Stat label="Reasoning" value={formatCount(c.usage?.reasoning_tokens)} />
            <Stat label="Prompt" value={c.prompt ? `${c.prompt.name}${c.prompt.version != null ? ` v${c.prompt.version}` : ''}` : '—'} />
          </dl>
          <dl className="mt-4 grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1.5 text-sm">
            <dt className="text-zinc-500 dark:text-zinc-400">Call</dt>
            <dd className="min-w-0"><CopyValue value={c.id} /></dd>
            <dt className="text-zinc-500 dark:text-zinc-400">User</dt>
            <dd className="min-w-0"><CopyValue value={c.user_id} /></dd>
            <dt className="text-zinc-500 dark:text-zinc-400">Session</dt>
            <dd className="min-w-0"><CopyValue value={c.session_id} /></dd>
            <dt className="text-zinc-500 dark:text-zinc-400">Trace</dt>
            <dd className="min-w-0"><CopyValue value={c.trace_id} /></dd>
            <dt className="text-zinc-500 dark:text-zinc-400">Ended</dt>
            <dd>{formatTimestamp(c.ended_at)}</dd>
            <dt className="text-zinc-500 dark:text-zinc-400">Tags</dt>
            <dd className="flex flex-wrap gap-1">{c.tags?.length ? c.tags.map((t) => <Badge key={t}>{t}</Badge>) : <span className="text-zinc-500 dark:text-zinc-400">—</span>}</dd>
          </dl>
          <Section title="Scores">
            <Scores id={c.id} />
          </Section>
          <Section title="Input">
            <Messages value={c.input} defaultRole="user" />
          </Section>
          <Section title="Output">
            <Messages value={c.output} defaultRole="assistant" />
          </Section>
          {c.rate_limit && Object.keys(c.rate_limit).length > 0 && (
            <Section title="Rate limit at the time">
              <Json value={c.rate_limit} />
            </Section>
          )}
          {c.metadata && Object.keys(c.metadata).length > 0 && (
            <Section title="Metadata">
              <Json value={c.metadata} />
            </Section>
          )}
        </>
      ) : null}
    </Drawer>
  );
}
