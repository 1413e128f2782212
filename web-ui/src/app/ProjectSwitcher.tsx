import { ChevronsUpDown, FolderKanban, KeyRound } from 'lucide-react';
import { currentProject, useCredentials, useMe } from './api';

/**
 * The project the console works in. A signed-in user picks one of their projects (from
 * `GET /api/v1/auth/me`; the choice travels as `X-Argus-Project`); an API key belongs to one project,
 * so the switcher only names it and calls no user-only route.
 */
export function ProjectSwitcher() {
  const credentials = useCredentials();
  const me = useMe();
  if (credentials?.kind !== 'user') {
    return (
      <div className="flex items-center gap-2 rounded-lg px-2 py-1.5 text-sm font-medium text-zinc-700 dark:text-zinc-200" title="An API key acts in its own project">
        <KeyRound aria-hidden className="size-4 text-zinc-500 dark:text-zinc-400" />
        <span>Key's project</span>
      </div>
    );
  }
  const projects = me.data?.projects ?? [];
  const selected = currentProject.get() ?? projects[0]?.id ?? '';
  const current = projects.find((p) => p.id === selected);
  if (projects.length > 1) {
    return (
      <label className="relative flex items-center">
        <span className="sr-only">Project</span>
        <FolderKanban aria-hidden className="pointer-events-none absolute left-2.5 size-4 text-zinc-500 dark:text-zinc-400" />
        <select
          className="appearance-none rounded-lg border border-zinc-200 bg-white py-1.5 pr-8 pl-8 text-sm font-medium dark:border-zinc-700 dark:bg-zinc-900"
          value={selected}
          onChange={(e) => {
            currentProject.set(e.target.value);
            window.location.reload();
          }}
        >
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <ChevronsUpDown aria-hidden className="pointer-events-none absolute right-2 size-4 text-zinc-500 dark:text-zinc-400" />
      </label>
    );
  }
  return (
    <div className="flex items-center gap-2 rounded-lg px-2 py-1.5 text-sm font-medium text-zinc-700 dark:text-zinc-200" title="Current project" data-testid="project">
      <FolderKanban aria-hidden className="size-4 text-zinc-500 dark:text-zinc-400" />
      <span>{current?.name ?? (me.isPending ? '…' : 'No project')}</span>
      {current && <span className="rounded-md bg-zinc-100 px-1.5 py-0.5 text-[11px] font-medium text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">{current.role}</span>}
    </div>
  );
}
