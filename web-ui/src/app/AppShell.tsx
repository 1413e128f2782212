import { useQueryClient } from '@tanstack/react-query';
import { Activity, BellRing, BookOpenText, FileText, FlaskConical, KeyRound, type LucideIcon, LayoutDashboard, LogOut, Menu, Moon, Puzzle, Settings, Sun, UserRound, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { EmptyState, ErrorState, Spinner, cx } from '../components/ui';
import { api, currentProject, useCredentials, useMe } from './api';
import { Logo } from './Logo';
import { ProjectSwitcher } from './ProjectSwitcher';
import { useTheme } from './theme';

interface NavItem {
  to: string;
  label: string;
  icon: LucideIcon;
}

const NAV: { section: string; items: NavItem[] }[] = [
  {
    section: 'Observe',
    items: [
      { to: '/', label: 'Dashboard', icon: LayoutDashboard },
      { to: '/calls', label: 'Calls', icon: Activity },
    ],
  },
  {
    section: 'Improve',
    items: [
      { to: '/prompts', label: 'Prompts', icon: FileText },
      { to: '/evaluations', label: 'Evaluations', icon: FlaskConical },
    ],
  },
  {
    section: 'Platform',
    items: [
      { to: '/alerts', label: 'Alerts', icon: BellRing },
      { to: '/plugins', label: 'Plugins', icon: Puzzle },
      { to: '/settings', label: 'Settings', icon: Settings },
      { to: '/api', label: 'API', icon: BookOpenText },
    ],
  },
];

function Sidebar({ onNavigate }: { onNavigate?: () => void }) {
  return (
    <nav aria-label="Main" className="flex h-full flex-col gap-6 px-3 py-4">
      <div className="flex items-center gap-2.5 px-2">
        <Logo className="size-7" />
        <span className="text-[15px] font-semibold tracking-tight text-zinc-900 dark:text-white">Argus</span>
      </div>
      {NAV.map((group) => (
        <div key={group.section}>
          <div className="mb-1 px-2 text-[11px] font-semibold tracking-wider text-zinc-600 uppercase dark:text-zinc-400">{group.section}</div>
          <ul className="space-y-0.5">
            {group.items.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  end={item.to === '/'}
                  onClick={onNavigate}
                  className={({ isActive }) =>
                    cx(
                      'flex items-center gap-2.5 rounded-lg px-2 py-1.5 text-sm font-medium transition-colors',
                      isActive
                        ? 'bg-white text-zinc-900 shadow-xs ring-1 ring-zinc-200 dark:bg-zinc-800 dark:text-white dark:ring-zinc-700'
                        : 'text-zinc-600 hover:bg-zinc-200/50 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800/60 dark:hover:text-zinc-100',
                    )
                  }
                >
                  <item.icon aria-hidden className="size-4" />
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <div className="mt-auto px-2 text-xs text-zinc-600 dark:text-zinc-400">Self-hosted LLM observability</div>
    </nav>
  );
}

/**
 * Renders the pages once the project is known: for a user, after `/auth/me` answered and the stored
 * project is one of theirs (else their first); an API key needs nothing.
 */
function ProjectGate() {
  const credentials = useCredentials();
  const me = useMe();
  if (credentials?.kind !== 'user') return <Outlet />;
  if (me.isPending) return <Spinner label="Loading your projects" />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => me.refetch()} />;
  const projects = me.data.projects;
  if (projects.length === 0) {
    return <EmptyState title="No project yet">You do not belong to any project. Ask an admin to add you, or create one with POST /api/v1/projects.</EmptyState>;
  }
  const stored = currentProject.get();
  if (!stored || !projects.some((p) => p.id === stored)) currentProject.set(projects[0]!.id);
  return <Outlet />;
}

export function AppShell() {
  const [theme, toggleTheme] = useTheme();
  const credentials = useCredentials();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);

  useEffect(() => setMenuOpen(false), [location.pathname]);

  const signOut = async () => {
    await api.logout();
    queryClient.clear();
    navigate('/login', { replace: true });
  };

  return (
    <div className="flex min-h-screen">
      <a href="#main" className="sr-only z-50 rounded bg-brand-600 px-3 py-2 text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2">
        Skip to content
      </a>
      <aside className="hidden w-60 shrink-0 border-r border-zinc-200 bg-zinc-100/60 lg:block dark:border-zinc-800 dark:bg-zinc-900/40">
        <div className="sticky top-0 h-screen">
          <Sidebar />
        </div>
      </aside>
      {menuOpen && (
        <div className="fixed inset-0 z-40 lg:hidden">
          <div aria-hidden className="absolute inset-0 bg-zinc-950/40" onClick={() => setMenuOpen(false)} />
          <aside className="relative h-full w-64 bg-zinc-50 shadow-xl dark:bg-zinc-900">
            <button type="button" aria-label="Close menu" className="absolute top-4 right-3 rounded p-1 text-zinc-500 dark:text-zinc-400" onClick={() => setMenuOpen(false)}>
              <X aria-hidden className="size-4" />
            </button>
            <Sidebar onNavigate={() => setMenuOpen(false)} />
          </aside>
        </div>
      )}
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-zinc-200 bg-white/80 px-4 backdrop-blur lg:px-8 dark:border-zinc-800 dark:bg-zinc-950/80">
          <button type="button" aria-label="Open menu" className="rounded-lg p-1.5 text-zinc-500 dark:text-zinc-400 hover:bg-zinc-100 lg:hidden dark:hover:bg-zinc-800" onClick={() => setMenuOpen(true)}>
            <Menu aria-hidden className="size-5" />
          </button>
          <ProjectSwitcher />
          <div className="ml-auto flex items-center gap-1">
            <button
              type="button"
              onClick={toggleTheme}
              aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
              className="rounded-lg p-2 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-white"
            >
              {theme === 'dark' ? <Sun aria-hidden className="size-4" /> : <Moon aria-hidden className="size-4" />}
            </button>
            <div className="mx-1 hidden items-center gap-2 rounded-lg px-2 py-1 text-sm text-zinc-600 sm:flex dark:text-zinc-300" data-testid="identity">
              {credentials?.kind === 'key' ? <KeyRound aria-hidden className="size-4 text-zinc-500 dark:text-zinc-400" /> : <UserRound aria-hidden className="size-4 text-zinc-500 dark:text-zinc-400" />}
              <span className="max-w-48 truncate">{credentials?.kind === 'user' ? credentials.email : 'API key'}</span>
            </div>
            <button
              type="button"
              onClick={signOut}
              className="inline-flex items-center gap-1.5 rounded-lg px-2 py-1.5 text-sm text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-white"
            >
              <LogOut aria-hidden className="size-4" />
              <span className="hidden sm:inline">Sign out</span>
            </button>
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-[1400px] flex-1 px-4 py-6 lg:px-8 lg:py-8">
          <ProjectGate />
        </main>
      </div>
    </div>
  );
}
