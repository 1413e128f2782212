import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { ApiClient, ApiError } from '../api/client';
import type { Me, ProjectRole } from '../api/types';
import { permission, type Permission, type Principal } from '../auth/permissions';
import { createSessionStore, type Credentials } from '../auth/session';

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const PROJECT_KEY = 'argus.project';

/** The project a signed-in user works in (an API key always acts in its own project). */
export const currentProject = {
  get: (): string | null => browserStorage()?.getItem(PROJECT_KEY) ?? null,
  set: (id: string | null) => {
    const storage = browserStorage();
    if (id) storage?.setItem(PROJECT_KEY, id);
    else storage?.removeItem(PROJECT_KEY);
  },
};

/** The console's one session and API client. */
export const session = createSessionStore(browserStorage());
export const api = new ApiClient({ session, project: currentProject.get });

export function useCredentials(): Credentials | null {
  return useSyncExternalStore(session.subscribe, session.get, session.get);
}

/**
 * The signed-in user and their projects (`GET /api/v1/auth/me`). User-only: with an API key the query
 * is disabled, so a key never calls a route it may not use.
 */
export function useMe() {
  const credentials = useCredentials();
  return useQuery({
    queryKey: ['me', credentials?.kind === 'user' ? credentials.email : 'key'],
    queryFn: ({ signal }) => api.get<Me>('/api/v1/auth/me', undefined, signal),
    enabled: credentials?.kind === 'user',
    staleTime: 60_000,
  });
}

/** The signed-in user with their role in the current project, or the API key. */
export function usePrincipal(): Principal {
  const credentials = useCredentials();
  const me = useMe();
  if (!credentials) return null;
  if (credentials.kind === 'key') return { kind: 'key' };
  const project = currentProject.get();
  return { kind: 'user', role: me.data?.projects.find((p) => p.id === project)?.role ?? null };
}

/** Whether the caller may use a route that needs `required`, and why not. */
export function usePermission(required: ProjectRole): Permission {
  return permission(usePrincipal(), required);
}

/** Query retry policy: client errors (4xx) are answers, not glitches; retry only network and 5xx twice. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}
