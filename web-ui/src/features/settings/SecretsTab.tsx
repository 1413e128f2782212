import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LockKeyhole } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { Page, SecretInfo } from '../../api/types';
import { api } from '../../app/api';
import { ConfirmButton, MutationError, TextField, tdClass, thClass } from '../../components/forms';
import { Button, Card, EmptyState, ErrorState, Skeleton } from '../../components/ui';
import { formatRelative, formatTimestamp } from '../../lib/format';
import { secretNameProblem } from './settingsLogic';

/** Project secrets (provider keys and the like): values go in and never come out; only names and a hint are listed. */
export function SecretsTab() {
  const queryClient = useQueryClient();
  const secrets = useQuery({ queryKey: ['settings', 'secrets'], queryFn: ({ signal }) => api.get<Page<SecretInfo>>('/api/v1/secrets', undefined, signal) });
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const problem = name ? secretNameProblem(name) : null;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['settings', 'secrets'] });
  const put = useMutation({
    mutationFn: () => api.put<SecretInfo>(`/api/v1/secrets/${encodeURIComponent(name)}`, { value }),
    onSuccess: (info) => {
      setSaved(info.name);
      setName('');
      setValue('');
      refresh();
    },
  });
  const remove = useMutation({ mutationFn: (n: string) => api.delete(`/api/v1/secrets/${encodeURIComponent(n)}`), onSuccess: refresh });
  const exists = secrets.data?.items.some((s) => s.name === name);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name && !problem && value) put.mutate();
  };
  return (
    <Card className="overflow-hidden">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800" aria-label="Set a secret">
        <TextField label="Name" value={name} onChange={(e) => setName(e.target.value.trim())} placeholder="openai-api-key" className="w-56" hint={problem ?? undefined} aria-invalid={problem ? true : undefined} />
        <TextField label="Value" type="password" autoComplete="new-password" value={value} onChange={(e) => setValue(e.target.value)} className="w-72" />
        <Button type="submit" variant="primary" disabled={!name || problem !== null || !value || put.isPending}>
          <LockKeyhole aria-hidden className="size-3.5" /> {exists ? 'Replace secret' : 'Save secret'}
        </Button>
        {saved && (
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
            Saved {saved}.
          </p>
        )}
      </form>
      {(put.error || remove.error) && (
        <div className="px-4 pt-3">
          <MutationError error={put.error ?? remove.error} />
        </div>
      )}
      {secrets.isPending ? (
        <Skeleton className="m-4 h-24" />
      ) : secrets.isError ? (
        <ErrorState error={secrets.error} onRetry={() => secrets.refetch()} />
      ) : secrets.data.items.length === 0 ? (
        <EmptyState title="No secrets">Store provider keys here so plugins and the proxy can use them without them ever being shown again.</EmptyState>
      ) : (
        <table className="w-full text-sm" data-testid="secrets">
          <caption className="sr-only">Secrets</caption>
          <thead>
            <tr>
              <th scope="col" className={thClass}>Name</th>
              <th scope="col" className={thClass}>Ends with</th>
              <th scope="col" className={thClass}>Updated</th>
              <th scope="col" className={thClass}>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {secrets.data.items.map((s) => (
              <tr key={s.name} data-secret={s.name}>
                <td className={`${tdClass} font-mono text-xs font-medium`}>{s.name}</td>
                <td className={`${tdClass} font-mono text-xs text-zinc-600 dark:text-zinc-300`}>{s.hint ?? '(hidden)'}</td>
                <td className={`${tdClass} text-xs text-zinc-600 dark:text-zinc-300`} title={formatTimestamp(s.updated_at)}>
                  {formatRelative(s.updated_at)}
                </td>
                <td className={`${tdClass} text-right`}>
                  <ConfirmButton label="Delete" confirmLabel={`Delete ${s.name}`} busy={remove.isPending && remove.variables === s.name} onConfirm={() => remove.mutate(s.name)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
