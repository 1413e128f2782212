import { useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { Plus, Send, X } from 'lucide-react';
import { useMemo, useState, type FormEvent } from 'react';
import type { AlertChannel, Page, Plugin } from '../../api/types';
import { api, usePermission } from '../../app/api';
import { Drawer } from '../../components/Drawer';
import { ConfirmButton, MutationError, ReadOnlyNote, SelectField, TextAreaField, TextField, tdClass, thClass } from '../../components/forms';
import { Badge, Button, Card, EmptyState, ErrorState, Skeleton, Spinner } from '../../components/ui';
import { formatRelative } from '../../lib/format';
import { CHANNEL_FIELDS, channelSettings, type SettingRow } from './channelSettings';

interface DeliveryResult {
  delivered: boolean;
  detail: string | null;
}

function ChannelDrawer({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const plugins = useQuery({ queryKey: ['plugins'], queryFn: ({ signal }) => api.get<Page<Plugin>>('/api/v1/plugins', undefined, signal) });
  const extensions = useMemo(
    () => (plugins.data?.items ?? []).filter((p) => p.state === 'started').flatMap((p) => p.extensions.filter((e) => e.kind === 'alert_channel').map((e) => ({ ...e, plugin: p.id }))),
    [plugins.data],
  );
  const [name, setName] = useState('');
  const [extension, setExtension] = useState('');
  const [known, setKnown] = useState<Record<string, string>>({});
  const [rows, setRows] = useState<SettingRow[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const chosen = extension || extensions[0]?.id || '';
  const fields = CHANNEL_FIELDS[chosen] ?? [];
  const create = useMutation({
    mutationFn: (settings: Record<string, string>) => api.post<AlertChannel>('/api/v1/alerts/channels', { name: name.trim(), extension_id: chosen, settings }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['alerts', 'channels'] });
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setProblem('Name is required.');
    const settings = channelSettings(chosen, known, rows);
    if (typeof settings === 'string') return setProblem(settings);
    setProblem(null);
    create.mutate(settings);
  };
  return (
    <Drawer title="New alert channel" subtitle="Where alert events are sent. Secret settings are stored encrypted and never shown again." onClose={onClose}>
      {plugins.isPending ? (
        <Spinner label="Loading channel types" />
      ) : extensions.length === 0 ? (
        <EmptyState title="No alert channel installed">Install alert-webhook, alert-slack or alert-email in the plugins folder.</EmptyState>
      ) : (
        <form onSubmit={submit} className="space-y-4" aria-label="New alert channel" noValidate>
          <div className="grid grid-cols-2 gap-3">
            <TextField label="Name" required value={name} onChange={(e) => setName(e.target.value)} placeholder="on-call webhook" />
            <SelectField
              label="Type"
              value={chosen}
              onChange={(e) => {
                setExtension(e.target.value);
                setKnown({});
              }}
            >
              {extensions.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name} ({x.id})
                </option>
              ))}
            </SelectField>
          </div>
          {fields.map((f) =>
            f.choices ? (
              <SelectField key={f.name} label={f.label} value={known[f.name] ?? ''} onChange={(e) => setKnown({ ...known, [f.name]: e.target.value })} hint={f.hint}>
                <option value="">default</option>
                {f.choices.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </SelectField>
            ) : f.multiline ? (
              <TextAreaField key={f.name} label={f.label} rows={2} value={known[f.name] ?? ''} placeholder={f.placeholder} onChange={(e) => setKnown({ ...known, [f.name]: e.target.value })} hint={f.hint} />
            ) : (
              <TextField
                key={f.name}
                label={`${f.label}${f.required ? '' : ' (optional)'}`}
                type={f.secret ? 'password' : 'text'}
                autoComplete="off"
                required={f.required}
                value={known[f.name] ?? ''}
                placeholder={f.placeholder}
                onChange={(e) => setKnown({ ...known, [f.name]: e.target.value })}
                hint={f.hint}
              />
            ),
          )}
          <fieldset>
            <legend className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">{fields.length ? 'Other settings' : 'Settings'}</legend>
            <div className="space-y-2">
              {rows.map((row, i) => (
                <div key={i} className="flex items-end gap-2">
                  <TextField label={`Setting ${i + 1} name`} value={row.key} onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, key: e.target.value } : r)))} className="flex-1" />
                  <TextField label={`Setting ${i + 1} value`} value={row.value} onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, value: e.target.value } : r)))} className="flex-1" />
                  <Button variant="ghost" aria-label={`Remove setting ${i + 1}`} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                    <X aria-hidden className="size-3.5" />
                  </Button>
                </div>
              ))}
              <Button variant="ghost" onClick={() => setRows([...rows, { key: '', value: '' }])}>
                <Plus aria-hidden className="size-3.5" /> Add setting
              </Button>
            </div>
          </fieldset>
          {problem && (
            <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:bg-rose-500/10 dark:text-rose-300">
              {problem}
            </p>
          )}
          <MutationError error={create.error} />
          <div className="flex justify-end gap-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={create.isPending}>
              Create channel
            </Button>
          </div>
        </form>
      )}
    </Drawer>
  );
}

function ChannelRow({ channel, canWrite }: { channel: AlertChannel; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const test = useMutation({ mutationFn: () => api.post<DeliveryResult>(`/api/v1/alerts/channels/${channel.id}/test`, {}) });
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/v1/alerts/channels/${channel.id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['alerts', 'channels'] }),
  });
  const settings = Object.entries(channel.settings ?? {});
  return (
    <tr data-channel={channel.name}>
      <td className={tdClass}>
        <div className="font-medium text-zinc-900 dark:text-zinc-100">{channel.name}</div>
        <div className="text-xs text-zinc-500 dark:text-zinc-400">added {formatRelative(channel.created_at)}</div>
      </td>
      <td className={tdClass}>
        <Badge tone="brand">{channel.extension_id}</Badge>
      </td>
      <td className={`${tdClass} max-w-md`}>
        {settings.length === 0 ? (
          <span className="text-zinc-500 dark:text-zinc-400">—</span>
        ) : (
          <dl className="grid grid-cols-[auto_1fr] gap-x-2 font-mono text-xs">
            {settings.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-zinc-500 dark:text-zinc-400">{k}</dt>
                <dd className="truncate text-zinc-700 dark:text-zinc-300">{v}</dd>
              </div>
            ))}
          </dl>
        )}
        {test.data && (
          <p role="status" className={`mt-1 text-xs ${test.data.delivered ? 'text-emerald-700 dark:text-emerald-400' : 'text-rose-700 dark:text-rose-400'}`} data-testid="channel-test-result">
            {test.data.delivered ? 'Test alert delivered' : 'Test alert failed'}
            {test.data.detail ? `: ${test.data.detail}` : '.'}
          </p>
        )}
        {(test.error || remove.error) && <MutationError error={test.error ?? remove.error} />}
      </td>
      <td className={`${tdClass} text-right whitespace-nowrap`}>
        {canWrite && (
          <>
            <Button variant="ghost" disabled={test.isPending} onClick={() => test.mutate()} aria-label={`Send a test alert through ${channel.name}`}>
              <Send aria-hidden className="size-3.5" /> {test.isPending ? 'Sending…' : 'Test'}
            </Button>
            <ConfirmButton label="Delete" confirmLabel={`Delete ${channel.name}`} busy={remove.isPending} onConfirm={() => remove.mutate()} />
          </>
        )}
      </td>
    </tr>
  );
}

export function ChannelsTab({ channels }: { channels: UseQueryResult<Page<AlertChannel>> }) {
  const canWrite = usePermission('admin');
  const [creating, setCreating] = useState(false);
  return (
    <Card className="overflow-hidden">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <p className="text-sm text-zinc-600 dark:text-zinc-300">Channels deliver events of the rules that name them, with retries.</p>
        <Button variant="primary" disabled={!canWrite.allowed} title={canWrite.reason ?? undefined} onClick={() => setCreating(true)}>
          <Plus aria-hidden className="size-3.5" /> New channel
        </Button>
      </div>
      {!canWrite.allowed && <ReadOnlyNote reason={canWrite.reason} className="mx-4 mt-3" />}
      {channels.isPending ? (
        <Skeleton className="m-4 h-24" />
      ) : channels.isError ? (
        <ErrorState error={channels.error} onRetry={() => channels.refetch()} />
      ) : channels.data.items.length === 0 ? (
        <EmptyState title="No channels">Add a webhook, Slack or e-mail channel, then pick it in a rule.</EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[48rem] text-sm" data-testid="alert-channels">
            <caption className="sr-only">Alert channels</caption>
            <thead>
              <tr>
                <th scope="col" className={thClass}>Channel</th>
                <th scope="col" className={thClass}>Type</th>
                <th scope="col" className={thClass}>Settings</th>
                <th scope="col" className={thClass}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {channels.data.items.map((c) => (
                <ChannelRow key={c.id} channel={c} canWrite={canWrite.allowed} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {creating && <ChannelDrawer onClose={() => setCreating(false)} />}
    </Card>
  );
}
