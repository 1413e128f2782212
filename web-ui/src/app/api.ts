import { useSyncExternalStore } from 'react';
import { ApiClient, ApiError } from '../api/client';
import { createSessionStore, type Credentials } from '../auth/session';

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The console's one session and API client. */
export const session = createSessionStore(browserStorage());
export const api = new ApiClient({ session });

export function useCredentials(): Credentials | null {
  return useSyncExternalStore(session.subscribe, session.get, session.get);
}

/** Query retry policy: client errors (4xx) are answers, not glitches; retry only network and 5xx twice. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}
