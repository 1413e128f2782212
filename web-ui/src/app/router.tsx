import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router-dom';
import { Spinner } from '../components/ui';
import { useCredentials } from './api';
import { AppShell } from './AppShell';
import { LoginPage } from './LoginPage';
import { NotFoundPage } from './NotFoundPage';

const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage'));
const CallsPage = lazy(() => import('../features/calls/CallsPage'));
const PluginsPage = lazy(() => import('../features/plugins/PluginsPage'));
const PromptsPage = lazy(() => import('../features/prompts/PromptsPage'));
const PromptPage = lazy(() => import('../features/prompts/PromptPage'));
const EvaluationsPage = lazy(() => import('../features/evaluations/EvaluationsPage'));
const EvaluationPage = lazy(() => import('../features/evaluations/EvaluationPage'));
const AlertsPage = lazy(() => import('../features/alerts/AlertsPage'));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage'));
const ApiPage = lazy(() => import('../features/api/ApiPage'));

function RequireSession({ children }: { children: ReactNode }) {
  const credentials = useCredentials();
  const location = useLocation();
  if (!credentials) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}

function Page({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div className="p-8">
          <Spinner />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppShell />
      </RequireSession>
    ),
    children: [
      { index: true, element: <Page><DashboardPage /></Page> },
      { path: 'calls', element: <Page><CallsPage /></Page> },
      { path: 'plugins', element: <Page><PluginsPage /></Page> },
      { path: 'prompts', element: <Page><PromptsPage /></Page> },
      { path: 'prompts/:name', element: <Page><PromptPage /></Page> },
      { path: 'evaluations', element: <Page><EvaluationsPage /></Page> },
      { path: 'evaluations/:id', element: <Page><EvaluationPage /></Page> },
      { path: 'alerts', element: <Page><AlertsPage /></Page> },
      { path: 'settings', element: <Page><SettingsPage /></Page> },
      { path: 'api', element: <Page><ApiPage /></Page> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
