import { useQuery } from '@tanstack/react-query';
import { ChevronsUpDown, FolderKanban } from 'lucide-react';
import type { Page } from '../api/types';
import { api } from './api';

interface Project {
  id: string;
  name: string;
}

const PROJECT_KEY = 'argus.project';

/**
 * The project the console works in. Lists the caller's projects when the server has the projects API;
 * until then (or for an API key, which belongs to one project) it names the current project only.
 */
export function ProjectSwitcher() {
  const projects = useQuery({
    queryKey: ['projects'],
    queryFn: ({ signal }) => api.get<Page<Project>>('/api/v1/projects', undefined, signal),
    staleTime: 60_000,
  });
  const items = projects.data?.items ?? [];
  const selected = localStorage.getItem(PROJECT_KEY) ?? items[0]?.id;
  if (items.length > 1) {
    return (
      <label className="relative flex items-center">
        <span className="sr-only">Project</span>
        <FolderKanban aria-hidden className="pointer-events-none absolute left-2.5 size-4 text-zinc-500 dark:text-zinc-400" />
        <select
          className="appearance-none rounded-lg border border-zinc-200 bg-white py-1.5 pr-8 pl-8 text-sm font-medium dark:border-zinc-700 dark:bg-zinc-900"
          value={selected}
          onChange={(e) => {
            localStorage.setItem(PROJECT_KEY, e.target.value);
            window.location.reload();
          }}
        >
          {items.map((p) => (
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
    <div className="flex items-center gap-2 rounded-lg px-2 py-1.5 text-sm font-medium text-zinc-700 dark:text-zinc-200" title="Current project">
      <FolderKanban aria-hidden className="size-4 text-zinc-500 dark:text-zinc-400" />
      <span>{items[0]?.name ?? 'Current project'}</span>
    </div>
  );
}
