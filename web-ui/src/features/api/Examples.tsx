import { useMemo } from 'react';
import { currentProject, useCredentials, useMe } from '../../app/api';
import { Card } from '../../components/ui';
import { CopyButton } from '../../components/forms';
import { examples } from './examples';

/** Copy-paste examples for curl, the OpenAI and Anthropic SDKs and OpenTelemetry, for this server. */
export function Examples() {
  const credentials = useCredentials();
  const me = useMe();
  const projectId = credentials?.kind === 'user' ? currentProject.get() : null;
  const project = me.data?.projects.find((p) => p.id === projectId) ?? null;
  const list = useMemo(
    () => examples({ origin: window.location.origin, project: project ? { id: project.id, name: project.name } : null, now: new Date() }),
    [project],
  );
  return (
    <div className="space-y-4" data-testid="api-examples">
      <p className="text-sm text-zinc-600 dark:text-zinc-300">
        <code className="font-mono text-xs">pk-…:sk-…</code> stands for an API key of {project ? <>project “{project.name}”</> : 'your project'}: create one in
        Settings → API keys (its secret is shown once). Keys carry scopes: <code className="font-mono text-xs">ingest</code> to record calls and spans,{' '}
        <code className="font-mono text-xs">proxy</code> for the provider proxy, <code className="font-mono text-xs">read</code> for the read API.
      </p>
      {list.map((example) => (
        <Card key={example.id} className="overflow-hidden">
          <div className="flex items-start justify-between gap-3 px-5 pt-4 pb-3" data-example={example.id}>
            <div className="min-w-0 flex-1">
              <h2 className="font-semibold text-zinc-900 dark:text-white">{example.title}</h2>
              <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">{example.description}</p>
            </div>
            <CopyButton value={example.code} what={example.title} className="shrink-0" />
          </div>
          <pre
            tabIndex={0}
            aria-label={`${example.title}, ${example.language}`}
            className="overflow-x-auto border-t border-zinc-100 bg-zinc-50 px-5 py-3 font-mono text-xs leading-relaxed text-zinc-800 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-200"
          >
            <code>{example.code}</code>
          </pre>
        </Card>
      ))}
    </div>
  );
}
