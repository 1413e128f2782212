import { KeyRound, LogIn } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { apiKeySecret } from '../auth/session';
import { Button, cx } from '../components/ui';
import { api, session, useCredentials } from './api';
import { Logo } from './Logo';

type Mode = 'password' | 'key';

const inputClass =
  'mt-1.5 block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-xs placeholder:text-zinc-400 focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none dark:border-zinc-700 dark:bg-zinc-950 dark:placeholder:text-zinc-600';

function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const credentials = useCredentials();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [mode, setMode] = useState<Mode>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (credentials) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      if (mode === 'password') {
        await api.login(email.trim(), password);
      } else {
        const secret = apiKeySecret(key);
        if (!secret) {
          setError('Paste the secret part of a key (sk-…) or the whole pk-…:sk-… pair.');
          return;
        }
        session.set({ kind: 'key', secret });
        // check the key before showing the console
        try {
          await api.get('/api/v1/plugins');
        } catch (e) {
          session.set(null);
          throw e;
        }
      }
      navigate(next, { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.status === 404 && mode === 'password') {
        setError('Password sign-in is not available on this server yet. Use an API key with read scope.');
      } else if (e instanceof ApiError && e.status === 401) {
        setError(mode === 'password' ? 'Wrong email or password.' : 'This key is not valid or was revoked.');
      } else if (e instanceof ApiError && e.status === 429) {
        setError('Too many attempts. Wait a moment and try again.');
      } else {
        setError(e instanceof Error ? e.message : 'Sign-in failed.');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex min-h-screen items-center justify-center bg-gradient-to-b from-zinc-50 to-zinc-100 px-4 dark:from-zinc-950 dark:to-zinc-900">
      <main className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <Logo className="size-11" />
          <h1 className="mt-4 text-xl font-semibold tracking-tight text-zinc-900 dark:text-white">Sign in to Argus</h1>
          <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">LLM calls, costs and quality in one place</p>
        </div>
        <div className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
          <div role="tablist" aria-label="Sign-in method" className="mb-5 grid grid-cols-2 gap-1 rounded-lg bg-zinc-100 p-1 dark:bg-zinc-800">
            {(['password', 'key'] as const).map((m) => (
              <button
                key={m}
                type="button"
                role="tab"
                aria-selected={mode === m}
                onClick={() => {
                  setMode(m);
                  setError(null);
                }}
                className={cx(
                  'rounded-md py-1.5 text-sm font-medium transition-colors',
                  mode === m ? 'bg-white text-zinc-900 shadow-xs dark:bg-zinc-950 dark:text-white' : 'text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-200',
                )}
              >
                {m === 'password' ? 'Email' : 'API key'}
              </button>
            ))}
          </div>
          <form onSubmit={submit} className="space-y-4" noValidate>
            {mode === 'password' ? (
              <>
                <label className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">
                  Email
                  <input className={inputClass} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />
                </label>
                <label className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">
                  Password
                  <input className={inputClass} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
                </label>
              </>
            ) : (
              <label className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">
                API key
                <input
                  className={cx(inputClass, 'font-mono')}
                  type="password"
                  autoComplete="off"
                  spellCheck={false}
                  placeholder="pk-…:sk-… or sk-…"
                  value={key}
                  onChange={(e) => setKey(e.target.value)}
                  autoFocus
                />
                <span className="mt-1.5 block text-xs font-normal text-zinc-500 dark:text-zinc-400">Read-only access with a key that has the read scope.</span>
              </label>
            )}
            {error && (
              <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:bg-rose-500/10 dark:text-rose-300">
                {error}
              </p>
            )}
            <Button type="submit" variant="primary" className="w-full py-2" disabled={busy || (mode === 'password' ? !email || !password : !key)}>
              {mode === 'password' ? <LogIn aria-hidden className="size-4" /> : <KeyRound aria-hidden className="size-4" />}
              {busy ? 'Signing in…' : 'Sign in'}
            </Button>
          </form>
        </div>
      </main>
    </div>
  );
}
