import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Play } from 'lucide-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Call, Page, Plugin } from '../../api/types';
import { api } from '../../app/api';
import { Drawer } from '../../components/Drawer';
import { MutationError, SelectField, TextAreaField, TextField } from '../../components/forms';
import { RangeSelect } from '../../components/RangeSelect';
import { Button, Spinner } from '../../components/ui';
import { formatCount } from '../../lib/format';
import { useDebounced } from '../../lib/useDebounced';
import { ERROR_CATEGORIES, STATUSES, filtersToQuery, type CallFilters } from '../calls/callFilters';
import { evaluatorOptions, parseConfig } from './evaluationLogic';

/** How many of the matching calls one evaluation scores (the newest); the API takes up to 10,000 ids. */
export const MAX_CALLS = 500;

/**
 * Starts an evaluation of stored calls: pick an evaluator (active evaluator extensions from
 * `/api/v1/plugins`), narrow the calls with the call explorer's filters, check how many match, and
 * send their ids. Reference-based evaluators need `metadata.reference` on each call; the API names
 * the first call without one.
 */
export function StartEvaluation({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const plugins = useQuery({ queryKey: ['plugins'], queryFn: ({ signal }) => api.get<Page<Plugin>>('/api/v1/plugins', undefined, signal) });
  const options = useMemo(() => evaluatorOptions(plugins.data?.items), [plugins.data]);
  const [evaluator, setEvaluator] = useState('');
  const [configText, setConfigText] = useState('');
  const [filters, setFilters] = useState<CallFilters>({ range: '24h', tags: [] });
  const [tagText, setTagText] = useState('');
  const chosen = evaluator || options[0]?.id || '';
  const settled = useDebounced(filters);
  const query = useMemo(() => ({ ...filtersToQuery(settled, Date.now()), limit: MAX_CALLS }), [settled]);
  const calls = useQuery({
    queryKey: ['evaluation-targets', query],
    queryFn: ({ signal }) => api.get<Page<Call>>('/api/v1/calls', query, signal),
  });
  const config = parseConfig(configText);
  const start = useMutation({
    mutationFn: () =>
      api.post<{ id: string; status: string; total: number }>('/api/v1/evaluations', {
        evaluator: chosen,
        call_ids: (calls.data?.items ?? []).map((c) => c.id),
        ...(typeof config === 'object' && Object.keys(config).length > 0 ? { config } : {}),
      }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['evaluations'] });
      navigate(`/evaluations/${created.id}`);
    },
  });
  const set = (patch: Partial<CallFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const count = calls.data?.items.length ?? 0;
  // the ids sent are the ones counted: wait until the count reflects the filters as typed
  const stale = settled !== filters || calls.isFetching;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen || count === 0 || stale || typeof config === 'string') return;
    start.mutate();
  };

  return (
    <Drawer title="Start an evaluation" subtitle="Score stored calls with an evaluator; it runs in the background." onClose={onClose}>
      <form onSubmit={submit} className="space-y-5" aria-label="Start an evaluation">
        <fieldset className="space-y-3">
          <legend className="mb-1 text-sm font-semibold text-zinc-900 dark:text-white">Evaluator</legend>
          {plugins.isPending ? (
            <Spinner label="Loading evaluators" />
          ) : options.length === 0 ? (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">No active evaluator. Install an evaluator plugin (e.g. evaluator-text-metrics) and reload plugins.</p>
          ) : (
            <SelectField label="Evaluator" value={chosen} onChange={(e) => setEvaluator(e.target.value)} hint="BLEU and ROUGE compare the answer with metadata.reference, which each call must carry.">
              {[...new Set(options.map((o) => o.plugin))].map((plugin) => (
                <optgroup key={plugin} label={plugin}>
                  {options
                    .filter((o) => o.plugin === plugin)
                    .map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name} ({o.id})
                      </option>
                    ))}
                </optgroup>
              ))}
            </SelectField>
          )}
          <TextAreaField
            label="Settings (optional)"
            rows={2}
            placeholder="use_stemmer=true"
            value={configText}
            onChange={(e) => setConfigText(e.target.value)}
            hint={typeof config === 'string' ? config : 'One key=value per line; the evaluator’s defaults apply otherwise.'}
            aria-invalid={typeof config === 'string' ? true : undefined}
          />
        </fieldset>
        <fieldset className="space-y-3">
          <legend className="mb-1 text-sm font-semibold text-zinc-900 dark:text-white">Calls</legend>
          <div className="flex flex-wrap items-center gap-2">
            <RangeSelect value={filters.range} onChange={(range) => set({ range })} />
          </div>
          <div className="grid grid-cols-2 gap-3">
            <TextField label="Provider" placeholder="openai" value={filters.provider ?? ''} onChange={(e) => set({ provider: e.target.value || undefined })} />
            <TextField label="Model" placeholder="gpt-4o-mini" value={filters.model ?? ''} onChange={(e) => set({ model: e.target.value || undefined })} />
            <SelectField label="Status" value={filters.status ?? ''} onChange={(e) => set({ status: e.target.value || undefined })}>
              <option value="">Any</option>
              {STATUSES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </SelectField>
            <SelectField label="Error category" value={filters.error_category ?? ''} onChange={(e) => set({ error_category: e.target.value || undefined })}>
              <option value="">Any</option>
              {ERROR_CATEGORIES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </SelectField>
            <TextField label="Prompt" placeholder="prompt name" value={filters.prompt ?? ''} onChange={(e) => set({ prompt: e.target.value || undefined })} />
            <TextField
              label="Tags"
              placeholder="prod, beta"
              value={tagText}
              onChange={(e) => {
                setTagText(e.target.value);
                set({ tags: e.target.value.split(',').map((t) => t.trim()).filter(Boolean) });
              }}
            />
            <TextField className="col-span-2" label="Text search" placeholder="words in prompts or answers" value={filters.q ?? ''} onChange={(e) => set({ q: e.target.value || undefined })} />
          </div>
          <p className="text-sm" aria-live="polite" data-testid="target-count">
            {calls.isPending ? (
              <Spinner label="Counting matching calls" />
            ) : calls.isError ? (
              <span className="text-rose-700 dark:text-rose-400">Could not list calls: {calls.error.message}</span>
            ) : count === 0 ? (
              <span className="text-zinc-500 dark:text-zinc-400">No call matches these filters.</span>
            ) : (
              <span className="text-zinc-700 dark:text-zinc-300">
                <span className="tabular font-semibold">{formatCount(count)}</span> call{count === 1 ? '' : 's'} will be scored
                {calls.data?.next_cursor ? ` (the newest ${MAX_CALLS}; more match)` : ''}.
              </span>
            )}
          </p>
        </fieldset>
        <MutationError error={start.error} />
        <div className="flex justify-end gap-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={!chosen || count === 0 || stale || typeof config === 'string' || start.isPending}>
            <Play aria-hidden className="size-3.5" /> Start evaluation
          </Button>
        </div>
      </form>
    </Drawer>
  );
}
