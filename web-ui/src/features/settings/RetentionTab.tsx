import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { api, usePermission } from '../../app/api';
import { ConfirmButton, MutationError, ReadOnlyNote, TextField } from '../../components/forms';
import { Button, Card, ErrorState, Skeleton } from '../../components/ui';
import { formatCount } from '../../lib/format';
import { retentionDays } from './settingsLogic';

interface Retention {
  retention_days: number | null;
}

/** How long calls are kept (owners change it), and erasing one end user's calls (admins). */
export function RetentionTab() {
  const canChange = usePermission('owner');
  const queryClient = useQueryClient();
  const retention = useQuery({ queryKey: ['settings', 'retention'], queryFn: ({ signal }) => api.get<Retention>('/api/v1/data/retention', undefined, signal) });
  const [forever, setForever] = useState(true);
  const [days, setDays] = useState('90');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!retention.data) return;
    setForever(retention.data.retention_days === null);
    if (retention.data.retention_days !== null) setDays(String(retention.data.retention_days));
  }, [retention.data]);
  const save = useMutation({
    mutationFn: (value: number | null) => api.put<Retention>('/api/v1/data/retention', { retention_days: value }),
    onSuccess: (answer) => queryClient.setQueryData(['settings', 'retention'], answer),
  });
  const [endUser, setEndUser] = useState('');
  const erase = useMutation({ mutationFn: (id: string) => api.delete<{ deleted_calls: number }>(`/api/v1/data/end-users/${encodeURIComponent(id)}`) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (forever) {
      setProblem(null);
      save.mutate(null);
      return;
    }
    const n = retentionDays(days);
    if (typeof n === 'string') return setProblem(n);
    setProblem(null);
    save.mutate(n);
  };
  return (
    <div className="space-y-4">
      <Card className="p-5">
        <h2 className="text-sm font-semibold text-zinc-900 dark:text-white">Data retention</h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-300">
          Currently:{' '}
          <span className="font-medium text-zinc-900 dark:text-white" data-testid="retention-current">
            {retention.isPending ? '…' : retention.data?.retention_days == null ? 'calls are kept forever' : `calls older than ${retention.data.retention_days} days are deleted`}
          </span>
          .
        </p>
        {retention.isPending ? (
          <Skeleton className="mt-4 h-20" />
        ) : retention.isError ? (
          <ErrorState error={retention.error} onRetry={() => retention.refetch()} />
        ) : (
          <form onSubmit={submit} className="mt-4 space-y-3" aria-label="Data retention">
            {!canChange.allowed && <ReadOnlyNote reason={canChange.reason} />}
            <fieldset disabled={!canChange.allowed} className="space-y-2">
              <legend className="sr-only">Keep calls</legend>
              <label className="flex items-center gap-2 text-sm">
                <input type="radio" name="retention" className="accent-brand-600" checked={forever} onChange={() => setForever(true)} />
                Keep calls forever
              </label>
              <label className="flex items-center gap-2 text-sm">
                <input type="radio" name="retention" className="accent-brand-600" checked={!forever} onChange={() => setForever(false)} />
                Delete calls older than a number of days
              </label>
              {!forever && <TextField label="Days" type="number" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)} className="w-32 pl-6" hint={problem ?? '1 to 3650; old calls are removed daily.'} />}
              <Button type="submit" variant="primary" disabled={save.isPending}>
                Save retention
              </Button>
            </fieldset>
            <MutationError error={save.error} />
          </form>
        )}
      </Card>
      <Card className="p-5">
        <h2 className="text-sm font-semibold text-zinc-900 dark:text-white">Erase an end user's data</h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-300">Deletes every call recorded with this user id (for a GDPR erasure request). This cannot be undone.</p>
        <div className="mt-3 flex flex-wrap items-end gap-3">
          <TextField label="End-user id" value={endUser} onChange={(e) => setEndUser(e.target.value)} placeholder="user-1234" className="w-64" />
          <ConfirmButton label="Erase calls" confirmLabel={`Erase all calls of ${endUser.trim() || '…'}`} disabled={!endUser.trim()} busy={erase.isPending} onConfirm={() => erase.mutate(endUser.trim())} />
        </div>
        {erase.data && (
          <p role="status" className="mt-2 text-sm text-emerald-700 dark:text-emerald-400">
            Deleted {formatCount(erase.data.deleted_calls)} call{erase.data.deleted_calls === 1 ? '' : 's'}.
          </p>
        )}
        <MutationError error={erase.error} />
      </Card>
    </div>
  );
}
