import type { Credentials, SessionStore } from '../auth/session';
import type { TokenPair } from './types';

/** An error answer of the API: `{"error":{"code","message","details"}}`, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

/** `POST /api/v1/auth/login` and `/refresh`. */
export type TokenResponse = TokenPair;

export interface ApiClientOptions {
  baseUrl?: string;
  session: SessionStore;
  fetch?: typeof fetch;
  /** Called when the credentials are gone for good (refresh failed or a key was rejected). */
  onSignedOut?: () => void;
  now?: () => number;
  /** The project a signed-in user works in, sent as `X-Argus-Project` (an API key has its own project). */
  project?: () => string | null;
}

export type Query = Record<string, string | number | readonly string[] | undefined | null>;

/**
 * The one way the console talks to Argus: adds `Authorization: Bearer …` to every call, turns error
 * bodies into {@link ApiError}, and on a 401 refreshes the user's tokens once (shared by concurrent
 * calls, as the refresh token rotates on every use) and retries; when that fails the session ends.
 */
export class ApiClient {
  private readonly baseUrl: string;
  private readonly doFetch: typeof fetch;
  private readonly now: () => number;
  private refreshing: Promise<boolean> | null = null;

  constructor(private readonly options: ApiClientOptions) {
    this.baseUrl = options.baseUrl ?? '';
    this.doFetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.now = options.now ?? Date.now;
  }

  get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
    return this.request<T>('GET', withQuery(path, query), undefined, signal);
  }

  post<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    return this.request<T>('POST', path, body, signal);
  }

  put<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    return this.request<T>('PUT', path, body, signal);
  }

  patch<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    return this.request<T>('PATCH', path, body, signal);
  }

  delete<T = void>(path: string, signal?: AbortSignal): Promise<T> {
    return this.request<T>('DELETE', path, undefined, signal);
  }

  /** Signs in with email and password; the tokens become the session. */
  async login(email: string, password: string): Promise<void> {
    const tokens = await this.send<TokenResponse>('POST', '/api/v1/auth/login', { email, password }, null);
    this.options.session.set(this.toCredentials(tokens, email));
  }

  /**
   * The bearer token for a connection that cannot refresh by itself (the live WebSocket): a user's
   * access token, refreshed first when it expires within `marginMs`, or the API key's secret.
   */
  async freshToken(marginMs = 30_000): Promise<string | null> {
    const current = this.options.session.get();
    if (!current) return null;
    if (current.kind === 'key') return current.secret;
    if (current.expiresAt - this.now() > marginMs) return current.accessToken;
    if (!(await this.refreshOnce(current))) {
      this.signOut();
      return null;
    }
    const next = this.options.session.get();
    return next?.kind === 'user' ? next.accessToken : null;
  }

  /** Ends the session on the server (best effort) and locally. */
  async logout(): Promise<void> {
    const current = this.options.session.get();
    if (current?.kind === 'user') {
      try {
        await this.send('POST', '/api/v1/auth/logout', { refresh_token: current.refreshToken }, current);
      } catch {
        // the local session ends regardless
      }
    }
    this.options.session.set(null);
  }

  request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    return this.authorized((credentials) => this.send<T>(method, path, body, credentials, signal));
  }

  /**
   * Downloads a (possibly large, streamed) answer as a Blob, reporting the bytes received so far;
   * used for exports, which need the Authorization header a plain link cannot send.
   */
  download(path: string, query: Query | undefined, onProgress: (bytes: number) => void, signal?: AbortSignal): Promise<Blob> {
    return this.authorized(async (credentials) => {
      const response = await this.open('GET', withQuery(path, query), undefined, credentials, signal);
      if (!response.ok) throw toApiError(response.status, parseJson(await response.text()), '');
      const reader = response.body?.getReader();
      if (!reader) return response.blob();
      const chunks: BlobPart[] = [];
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        onProgress(bytes);
      }
      return new Blob(chunks, { type: response.headers.get('Content-Type') ?? 'application/octet-stream' });
    });
  }

  /** Runs a call with the current credentials; on a 401 refreshes once and retries, else signs out. */
  private async authorized<T>(call: (credentials: Credentials | null) => Promise<T>): Promise<T> {
    const credentials = this.options.session.get();
    try {
      return await call(credentials);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401 || !credentials) throw error;
      if (credentials.kind === 'user' && (await this.refreshOnce(credentials))) {
        try {
          return await call(this.options.session.get());
        } catch (retryError) {
          if (retryError instanceof ApiError && retryError.status === 401) this.signOut();
          throw retryError;
        }
      }
      this.signOut();
      throw error;
    }
  }

  private signOut(): void {
    this.options.session.set(null);
    this.options.onSignedOut?.();
  }

  private refreshOnce(stale: Extract<Credentials, { kind: 'user' }>): Promise<boolean> {
    const current = this.options.session.get();
    // another call already refreshed while this one was in flight
    if (current?.kind === 'user' && current.accessToken !== stale.accessToken) return Promise.resolve(true);
    if (!this.refreshing) {
      this.refreshing = this.send<TokenResponse>('POST', '/api/v1/auth/refresh', { refresh_token: stale.refreshToken }, null)
        .then((tokens) => {
          this.options.session.set(this.toCredentials(tokens, stale.email));
          return true;
        })
        .catch(() => false)
        .finally(() => {
          this.refreshing = null;
        });
    }
    return this.refreshing;
  }

  private toCredentials(tokens: TokenResponse, email: string): Credentials {
    return {
      kind: 'user',
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      expiresAt: this.now() + tokens.expires_in * 1000,
      email,
    };
  }

  private async send<T>(method: string, path: string, body: unknown, credentials: Credentials | null, signal?: AbortSignal): Promise<T> {
    const response = await this.open(method, path, body, credentials, signal);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    const parsed = parseJson(text);
    if (!response.ok) throw toApiError(response.status, parsed, text);
    return parsed as T;
  }

  private async open(method: string, path: string, body: unknown, credentials: Credentials | null, signal?: AbortSignal): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (credentials) headers.Authorization = `Bearer ${credentials.kind === 'user' ? credentials.accessToken : credentials.secret}`;
    const project = credentials?.kind === 'user' ? this.options.project?.() : null;
    if (project) headers['X-Argus-Project'] = project;
    try {
      return await this.doFetch(this.baseUrl + path, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        signal: signal ?? null,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError(0, 'network', 'Argus could not be reached. Check that the server is running.');
    }
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toApiError(status: number, parsed: unknown, text: string): ApiError {
  const error = (parsed as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (error && typeof error.code === 'string') {
    return new ApiError(
      status,
      error.code,
      typeof error.message === 'string' ? error.message : error.code,
      (error.details as Record<string, unknown> | undefined) ?? {},
    );
  }
  return new ApiError(status, `http_${status}`, text.slice(0, 200) || `HTTP ${status}`);
}

/** Appends the non-empty query values to a path, in the given order. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) value.forEach((v: string) => v !== '' && params.append(key, v));
    else if (value !== undefined && value !== null && value !== '') params.append(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}
