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
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
