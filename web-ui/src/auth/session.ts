/**
 * The console's credentials: either the tokens of a signed-in user (from /api/v1/auth/login) or an API
 * key with READ scope (for read-only use and for browser tests before login exists everywhere).
 * Kept in localStorage so a reload keeps the session; listeners let React re-render on change.
 */
export type Credentials =
  | { kind: 'user'; accessToken: string; refreshToken: string; expiresAt: number; email: string }
  | { kind: 'key'; secret: string };

const STORAGE_KEY = 'argus.credentials';

export interface SessionStore {
  get(): Credentials | null;
  set(credentials: Credentials | null): void;
  subscribe(listener: () => void): () => void;
}

export function createSessionStore(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null): SessionStore {
  let current: Credentials | null = read(storage);
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(credentials) {
      current = credentials;
      if (storage) {
        if (credentials) storage.setItem(STORAGE_KEY, JSON.stringify(credentials));
        else storage.removeItem(STORAGE_KEY);
      }
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function read(storage: Pick<Storage, 'getItem'> | null): Credentials | null {
  const raw = storage?.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Credentials;
    return parsed.kind === 'user' || parsed.kind === 'key' ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Accepts what a user pastes: `sk-…`, or `pk-…:sk-…` as printed when a key is created, and returns the
 * secret part, which the API accepts as `Authorization: Bearer sk-…`.
 */
export function apiKeySecret(input: string): string | null {
  const trimmed = input.trim();
  const secret = trimmed.includes(':') ? trimmed.slice(trimmed.indexOf(':') + 1) : trimmed;
  return /^sk-\S{8,}$/.test(secret) ? secret : null;
}
