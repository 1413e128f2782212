import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { KeyRound, TriangleAlert } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { ApiKey, ApiKeyScope, NewApiKey, Page } from '../../api/types';
import { api } from '../../app/api';
import { ConfirmButton, CopyButton, MutationError, TextField, tdClass, thClass } from '../../components/forms';
import { Badge, Button, Card, EmptyState, ErrorState, Skeleton } from '../../components/ui';
import { formatRelative, formatTimestamp } from '../../lib/format';
import { sortKeys } from './settingsLogic';

const SCOPES: { id: ApiKeyScope; label: string; hint: string }[] = [
  { id: 'read', label: 'read', hint: 'calls, metrics, prompts, evaluations' },
  { id: 'ingest', label: 'ingest', hint: 'send calls and traces, start evaluations' },
  { id: 'proxy', label: 'proxy', hint: 'call providers through the Argus proxy' },
];

/** The one moment a key's secret is visible: shown with a copy button until dismissed. */
function NewKeyPanel({ created, onDone }: { created: NewApiKey; onDone: () => void }) {
  return (
    <div role="status" className="mx-4 my-3 rounded-xl border border-amber-300 bg-amber-50 p-4 dark:border-amber-700/60 dark:bg-amber-500/10" data-testid="new-key">
      <p className="flex items-center gap-2 text-sm font-semibold text-amber-900 dark:text-amber-200">
        <TriangleAlert aria-hidden className="size-4" /> Copy the key for “{created.name}” now: it is shown only this once.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code className="min-w-0 flex-1 rounded-lg border border-amber-200 bg-white px-3 py-2 font-mono text-xs break-all text-zinc-900 dark:border-amber-800 dark:bg-zinc-950 dark:text-zinc-100" data-testid="new-key-secret">
          {created.key}
        </code>
        <CopyButton value={created.key} what="the new API key" />
        <Button variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
      <p className="mt-2 text-xs text-amber-900/80 dark:text-amber-200/80">Send it as <code className="font-mono">Authorization: Bearer {created.secret.slice(0, 6)}…</code> (the sk- part) or the whole pk-…:sk-… pair.</p>
    </div>
  );
}

export function ApiKeysTab() {
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: ['settings', 'api-keys'], queryFn: ({ signal }) => api.get<Page<ApiKey>>('/api/v1/api-keys', { limit: 500 }, signal) });
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['read', 'ingest']);
  const [created, setCreated] = useState<NewApiKey | null>(null);
  const create = useMutation({
    mutationFn: () => api.post<NewApiKey>('/api/v1/api-keys', { name: name.trim(), scopes }),
    onSuccess: (key) => {
      setCreated(key);
      setName('');
      void queryClient.invalidateQueries({ queryKey: ['settings', 'api-keys'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/api-keys/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['settings', 'api-keys'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() && scopes.length) create.mutate();
  };
  return (
    <Card className="overflow-hidden">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-4 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800" aria-label="Create an API key">
        <TextField label="Key name" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} placeholder="backend-prod" className="w-56" />
        <fieldset>
          <legend className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Scopes</legend>
          <div className="mt-1.5 flex flex-wrap gap-3">
            {SCOPES.map((s) => (
              <label key={s.id} className="flex items-center gap-1.5 text-sm" title={s.hint}>
                <input type="checkbox" className="accent-brand-600" checked={scopes.includes(s.id)} onChange={(e) => setScopes(e.target.checked ? [...scopes, s.id] : scopes.filter((x) => x !== s.id))} />
                {s.label}
              </label>
            ))}
          </div>
        </fieldset>
        <Button type="submit" variant="primary" disabled={!name.trim() || scopes.length === 0 || create.isPending}>
          <KeyRound aria-hidden className="size-3.5" /> Create key
        </Button>
      </form>
      {create.isError && (
        <div className="px-4 pt-3">
          <MutationError error={create.error} />
        </div>
      )}
      {created && <NewKeyPanel created={created} onDone={() => setCreated(null)} />}
      {keys.isPending ? (
        <Skeleton className="m-4 h-24" />
      ) : keys.isError ? (
        <ErrorState error={keys.error} onRetry={() => keys.refetch()} />
      ) : keys.data.items.length === 0 ? (
        <EmptyState title="No API keys">Create one for each app or service that sends calls or reads data.</EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[48rem] text-sm" data-testid="api-keys">
            <caption className="sr-only">API keys</caption>
            <thead>
              <tr>
                <th scope="col" className={thClass}>Name</th>
                <th scope="col" className={thClass}>Public key</th>
                <th scope="col" className={thClass}>Scopes</th>
                <th scope="col" className={thClass}>Created</th>
                <th scope="col" className={thClass}>Last used</th>
                <th scope="col" className={thClass}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {sortKeys(keys.data.items).map((k) => (
                <tr key={k.id} data-key={k.name} className={k.revoked_at ? 'text-zinc-500 dark:text-zinc-400' : undefined}>
                  <td className={`${tdClass} font-medium`}>{k.name}</td>
                  <td className={`${tdClass} font-mono text-xs`}>{k.public_key}</td>
                  <td className={tdClass}>
                    <span className="flex flex-wrap gap-1">
                      {k.scopes.map((s) => (
                        <Badge key={s}>{s}</Badge>
                      ))}
                    </span>
                  </td>
                  <td className={`${tdClass} text-xs`} title={formatTimestamp(k.created_at)}>
                    {formatRelative(k.created_at)}
                  </td>
                  <td className={`${tdClass} text-xs`}>{k.last_used_at ? formatRelative(k.last_used_at) : 'never'}</td>
                  <td className={`${tdClass} text-right`}>
                    {k.revoked_at ? (
                      <Badge tone="red">revoked {formatRelative(k.revoked_at)}</Badge>
                    ) : (
                      <ConfirmButton label="Revoke" confirmLabel={`Revoke ${k.name}`} busy={revoke.isPending && revoke.variables === k.id} onConfirm={() => revoke.mutate(k.id)} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {revoke.isError && (
        <div className="p-4">
          <MutationError error={revoke.error} />
        </div>
      )}
    </Card>
  );
}
