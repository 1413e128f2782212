import { Download } from 'lucide-react';
import { lazy, Suspense, useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { TabPanel, Tabs } from '../../components/forms';
import { PageHeader, Skeleton } from '../../components/ui';
import { Examples } from './Examples';

// The renderer is by far the console's largest dependency: it loads only when the reference is shown.
const ApiReference = lazy(() => import('./ApiReference'));

type Tab = 'reference' | 'examples';
const TABS: Tab[] = ['reference', 'examples'];

export default function ApiPage() {
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.includes(params.get('tab') as Tab) ? (params.get('tab') as Tab) : 'reference';
  useEffect(() => {
    document.title = 'API · Argus';
    return () => {
      document.title = 'Argus';
    };
  }, []);

  return (
    <>
      <PageHeader
        title="API"
        description="The REST API's OpenAPI 3.1 reference, from this server; try requests with your session, or copy an example."
        actions={
          <a
            href="/openapi"
            download="argus-openapi.yaml"
            className="inline-flex items-center gap-1.5 rounded-lg border border-zinc-200 bg-white px-3 py-1.5 text-sm font-medium text-zinc-700 shadow-xs hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800"
          >
            <Download aria-hidden className="size-3.5" /> openapi.yaml
          </a>
        }
      />
      <Tabs
        label="API sections"
        idPrefix="api"
        value={tab}
        onChange={(next) => setParams(next === 'reference' ? {} : { tab: next }, { replace: true })}
        tabs={[
          { id: 'reference', label: 'Reference' },
          { id: 'examples', label: 'Examples' },
        ]}
      />
      <TabPanel idPrefix="api" id={tab}>
        {tab === 'reference' ? (
          <Suspense fallback={<Skeleton className="h-96" />}>
            <ApiReference />
          </Suspense>
        ) : (
          <Examples />
        )}
      </TabPanel>
    </>
  );
}
