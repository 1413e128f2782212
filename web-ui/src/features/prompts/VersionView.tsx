import type { PromptAuthor, PromptVersion } from '../../api/types';
import { Badge } from '../../components/ui';
import { formatTimestamp } from '../../lib/format';

/** Who made a version or moved a label, as far as the console can tell without user lookups. */
export function authorText(author: PromptAuthor | null | undefined, meId: string | undefined): string {
  if (!author) return 'unknown';
  if (author.user_id) return author.user_id === meId ? 'you' : `user ${author.user_id.slice(0, 8)}`;
  if (author.api_key_id) return `API key ${author.api_key_id.slice(0, 8)}`;
  return 'unknown';
}

const roleTone: Record<string, string> = {
  system: 'border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-950',
  user: 'border-sky-200 bg-sky-50/60 dark:border-sky-900/60 dark:bg-sky-950/30',
  assistant: 'border-brand-200 bg-brand-50/60 dark:border-brand-700/40 dark:bg-brand-500/5',
};

/** A template or chat messages, as stored or rendered. */
export function PromptBody({ template, messages }: { template: string | null; messages: { role: string; content: string }[] | null }) {
  if (template !== null) {
    return <pre className="overflow-x-auto rounded-lg border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs whitespace-pre-wrap text-zinc-800 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-200">{template}</pre>;
  }
  return (
    <ol className="space-y-2">
      {(messages ?? []).map((m, i) => (
        <li key={i} className={`rounded-lg border px-3 py-2 ${roleTone[m.role] ?? roleTone.system}`}>
          <div className="mb-1 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{m.role}</div>
          <pre className="font-mono text-xs break-words whitespace-pre-wrap text-zinc-800 dark:text-zinc-200">{m.content}</pre>
        </li>
      ))}
    </ol>
  );
}

export function VersionView({ version, meId }: { version: PromptVersion; meId: string | undefined }) {
  const params = Object.keys(version.parameters ?? {}).length > 0;
  return (
    <div data-testid="version-view">
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h2 className="text-base font-semibold text-zinc-900 dark:text-white">Version {version.version}</h2>
        <Badge>{version.type}</Badge>
        {version.labels.map((l) => (
          <Badge key={l} tone={l === 'production' ? 'green' : 'brand'}>
            {l}
          </Badge>
        ))}
      </div>
      <dl className="mb-4 grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-zinc-500 dark:text-zinc-400">Message</dt>
        <dd className="text-zinc-800 dark:text-zinc-200">{version.commit_message ?? '—'}</dd>
        <dt className="text-zinc-500 dark:text-zinc-400">Model</dt>
        <dd className="font-mono text-xs text-zinc-800 dark:text-zinc-200">{version.model ?? '—'}</dd>
        <dt className="text-zinc-500 dark:text-zinc-400">Variables</dt>
        <dd className="flex flex-wrap gap-1">{version.variables.length ? version.variables.map((v) => <code key={v} className="rounded bg-zinc-100 px-1 font-mono text-xs dark:bg-zinc-800">{`{{${v}}}`}</code>) : '—'}</dd>
        <dt className="text-zinc-500 dark:text-zinc-400">Created</dt>
        <dd className="text-zinc-800 dark:text-zinc-200">
          {formatTimestamp(version.created_at)} by {authorText(version.author, meId)}
        </dd>
      </dl>
      <PromptBody template={version.template} messages={version.messages} />
      {params && (
        <>
          <h3 className="mt-4 mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">Parameters</h3>
          <pre className="overflow-x-auto rounded-lg bg-zinc-50 p-3 font-mono text-xs text-zinc-700 dark:bg-zinc-950 dark:text-zinc-300">{JSON.stringify(version.parameters, null, 2)}</pre>
        </>
      )}
    </div>
  );
}
