import { useMutation, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { Pencil, Plus } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { AlertChannel, AlertRule, AlertRuleInput, Page } from '../../api/types';
import { api, usePermission } from '../../app/api';
import { Drawer } from '../../components/Drawer';
import { ConfirmButton, MutationError, ReadOnlyNote, SelectField, TextField, tdClass, thClass } from '../../components/forms';
import { Badge, Button, Card, EmptyState, ErrorState, Skeleton, stateTone } from '../../components/ui';
import { formatRelative, formatTimestamp } from '../../lib/format';
import { ALERT_METRICS, COMPARATORS, NEW_RULE, SEVERITIES, describeCondition, formToRule, formatMetric, ruleToForm, severityTone, type RuleForm } from './alertFormat';

function RuleDrawer({ rule, channels, onClose }: { rule: AlertRule | null; channels: AlertChannel[]; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState<RuleForm>(rule ? ruleToForm(rule) : NEW_RULE);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: AlertRuleInput) => (rule ? api.put<AlertRule>(`/api/v1/alerts/rules/${rule.id}`, body) : api.post<AlertRule>('/api/v1/alerts/rules', body)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['alerts', 'rules'] });
      onClose();
    },
  });
  const set = (patch: Partial<RuleForm>) => setForm((f) => ({ ...f, ...patch }));
  const metric = ALERT_METRICS.find((m) => m.id === form.metric);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = formToRule(form);
    if (typeof body === 'string') {
      setProblem(body);
      return;
    }
    setProblem(null);
    save.mutate(body);
  };
  return (
    <Drawer title={rule ? `Edit rule ${rule.name}` : 'New alert rule'} subtitle="Fires when the metric over the window crosses the threshold." onClose={onClose}>
      <form onSubmit={submit} className="space-y-4" aria-label={rule ? 'Edit alert rule' : 'New alert rule'} noValidate>
        <TextField label="Name" required value={form.name} onChange={(e) => set({ name: e.target.value })} placeholder="High error rate" />
        <div className="grid grid-cols-2 gap-3">
          <SelectField label="Metric" value={form.metric} onChange={(e) => set({ metric: e.target.value })}>
            {ALERT_METRICS.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </SelectField>
          <SelectField label="Severity" value={form.severity} onChange={(e) => set({ severity: e.target.value as RuleForm['severity'] })}>
            {SEVERITIES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </SelectField>
          <SelectField label="Condition" value={form.comparator} onChange={(e) => set({ comparator: e.target.value as RuleForm['comparator'] })}>
            {COMPARATORS.map((c) => (
              <option key={c.id} value={c.id}>
                {c.symbol} {c.label}
              </option>
            ))}
          </SelectField>
          <TextField label="Threshold" inputMode="decimal" required value={form.threshold} onChange={(e) => set({ threshold: e.target.value })} hint={metric?.unit} />
          <TextField label="Window (minutes)" type="number" min={1} max={10080} value={form.window_minutes} onChange={(e) => set({ window_minutes: e.target.value })} hint="The metric is computed over the last N minutes." />
          <TextField label="Pending for (minutes)" type="number" min={0} max={1440} value={form.for_minutes} onChange={(e) => set({ for_minutes: e.target.value })} hint="How long the condition must hold before firing." />
          <TextField label="Cooldown (minutes)" type="number" min={0} max={10080} value={form.cooldown_minutes} onChange={(e) => set({ cooldown_minutes: e.target.value })} hint="Least time between two firings." />
        </div>
        <fieldset>
          <legend className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">Only calls to (optional)</legend>
          <div className="grid grid-cols-3 gap-3">
            <TextField label="Provider" value={form.provider} onChange={(e) => set({ provider: e.target.value })} placeholder="openai" />
            <TextField label="Model" value={form.model} onChange={(e) => set({ model: e.target.value })} placeholder="gpt-4o" />
            <TextField label="Prompt" value={form.prompt_name} onChange={(e) => set({ prompt_name: e.target.value })} placeholder="support-reply" />
          </div>
        </fieldset>
        <fieldset>
          <legend className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">Notify</legend>
          {channels.length === 0 ? (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">No channels yet: events are recorded in the history only. Add a channel on the Channels tab.</p>
          ) : (
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {channels.map((c) => (
                <label key={c.id} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="accent-brand-600"
                    checked={form.channel_ids.includes(c.id)}
                    onChange={(e) => set({ channel_ids: e.target.checked ? [...form.channel_ids, c.id] : form.channel_ids.filter((id) => id !== c.id) })}
                  />
                  {c.name} <span className="text-xs text-zinc-500 dark:text-zinc-400">({c.extension_id})</span>
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className="accent-brand-600" checked={form.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
          Enabled
        </label>
        {problem && (
          <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:bg-rose-500/10 dark:text-rose-300">
            {problem}
          </p>
        )}
        <MutationError error={save.error} />
        <div className="flex justify-end gap-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {rule ? 'Save rule' : 'Create rule'}
          </Button>
        </div>
      </form>
    </Drawer>
  );
}

export function RulesTab({ rules, channels }: { rules: UseQueryResult<Page<AlertRule>>; channels: AlertChannel[] }) {
  const canWrite = usePermission('admin');
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<AlertRule | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/alerts/rules/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['alerts', 'rules'] }),
  });
  return (
    <Card className="overflow-hidden">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <p className="text-sm text-zinc-600 dark:text-zinc-300">Rules are evaluated on the minute rollups every few seconds; each firing and resolution is an event.</p>
        <Button variant="primary" disabled={!canWrite.allowed} title={canWrite.reason ?? undefined} onClick={() => setEditing('new')}>
          <Plus aria-hidden className="size-3.5" /> New rule
        </Button>
      </div>
      {!canWrite.allowed && <ReadOnlyNote reason={canWrite.reason} className="mx-4 mt-3" />}
      {rules.isPending ? (
        <Skeleton className="m-4 h-24" />
      ) : rules.isError ? (
        <ErrorState error={rules.error} onRetry={() => rules.refetch()} />
      ) : rules.data.items.length === 0 ? (
        <EmptyState title="No alert rules">Create a rule to be told when error rate, latency, cost or traffic crosses a threshold.</EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[56rem] text-sm" data-testid="alert-rules">
            <caption className="sr-only">Alert rules</caption>
            <thead>
              <tr>
                <th scope="col" className={thClass}>Rule</th>
                <th scope="col" className={thClass}>Condition</th>
                <th scope="col" className={thClass}>Severity</th>
                <th scope="col" className={thClass}>State</th>
                <th scope="col" className={thClass}>Last value</th>
                <th scope="col" className={thClass}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {[...rules.data.items]
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((r) => {
                  const scope = [r.provider, r.model, r.prompt_name && `prompt ${r.prompt_name}`].filter(Boolean).join(' · ');
                  return (
                    <tr key={r.id} data-rule={r.name}>
                      <td className={tdClass}>
                        <div className="font-medium text-zinc-900 dark:text-zinc-100">{r.name}</div>
                        <div className="text-xs text-zinc-500 dark:text-zinc-400">
                          {scope || 'all calls'}
                          {r.channel_ids.length > 0 && ` · ${r.channel_ids.length} channel${r.channel_ids.length === 1 ? '' : 's'}`}
                          {!r.enabled && ' · disabled'}
                        </div>
                      </td>
                      <td className={`${tdClass} text-zinc-700 dark:text-zinc-300`}>{describeCondition(r)}</td>
                      <td className={tdClass}>
                        <Badge tone={severityTone(r.severity)}>{r.severity}</Badge>
                      </td>
                      <td className={tdClass}>
                        {r.enabled ? <Badge tone={r.state ? stateTone(r.state === 'ok' ? 'active' : r.state) : 'gray'}>{r.state ?? 'not evaluated'}</Badge> : <Badge>disabled</Badge>}
                      </td>
                      <td className={`${tdClass} tabular text-zinc-700 dark:text-zinc-300`}>
                        {formatMetric(r.metric, r.last_value)}
                        {r.last_evaluated_at && (
                          <div className="text-xs text-zinc-500 dark:text-zinc-400" title={formatTimestamp(r.last_evaluated_at)}>
                            {formatRelative(r.last_evaluated_at)}
                          </div>
                        )}
                      </td>
                      <td className={`${tdClass} text-right whitespace-nowrap`}>
                        {canWrite.allowed && (
                          <>
                            <Button variant="ghost" aria-label={`Edit ${r.name}`} onClick={() => setEditing(r)}>
                              <Pencil aria-hidden className="size-3.5" /> Edit
                            </Button>
                            <ConfirmButton label="Delete" confirmLabel={`Delete ${r.name}`} busy={remove.isPending && remove.variables === r.id} onConfirm={() => remove.mutate(r.id)} />
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </div>
      )}
      {remove.isError && (
        <div className="p-4">
          <MutationError error={remove.error} />
        </div>
      )}
      {editing && <RuleDrawer rule={editing === 'new' ? null : editing} channels={channels} onClose={() => setEditing(null)} />}
    </Card>
  );
}
