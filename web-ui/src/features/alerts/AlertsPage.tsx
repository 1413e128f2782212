import { useQuery } from '@tanstack/react-query';
import { BellRing } from 'lucide-react';
import { useSearchParams } from 'react-router-dom';
import type { AlertChannel, AlertRule, Page } from '../../api/types';
import { api, usePermission } from '../../app/api';
import { TabPanel, Tabs } from '../../components/forms';
import { Card, EmptyState, PageHeader } from '../../components/ui';
import { ChannelsTab } from './ChannelsTab';
import { EventsTab } from './EventsTab';
import { RulesTab } from './RulesTab';

type Tab = 'rules' | 'channels' | 'events';
const TABS: Tab[] = ['rules', 'channels', 'events'];
const REFRESH_MS = 10_000;

/** Alert rules, channels and the event history. Viewers read; admins change rules and channels. */
export default function AlertsPage() {
  const canRead = usePermission('viewer');
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.includes(params.get('tab') as Tab) ? (params.get('tab') as Tab) : 'rules';
  const rules = useQuery({
    queryKey: ['alerts', 'rules'],
    queryFn: ({ signal }) => api.get<Page<AlertRule>>('/api/v1/alerts/rules', undefined, signal),
    enabled: canRead.allowed,
    refetchInterval: REFRESH_MS,
  });
  const channels = useQuery({
    queryKey: ['alerts', 'channels'],
    queryFn: ({ signal }) => api.get<Page<AlertChannel>>('/api/v1/alerts/channels', undefined, signal),
    enabled: canRead.allowed,
  });
  const header = <PageHeader title="Alerts" description="Rules that watch error rate, latency, cost and traffic; where their events go; and what fired." />;
  if (!canRead.allowed) {
    return (
      <>
        {header}
        <Card>
          <EmptyState title="Alerts need a signed-in member" icon={<BellRing aria-hidden className="size-5" />}>
            {canRead.reason}
          </EmptyState>
        </Card>
      </>
    );
  }
  const firing = rules.data?.items.filter((r) => r.enabled && r.state === 'firing').length;
  return (
    <>
      {header}
      <Tabs
        label="Alert sections"
        idPrefix="alerts"
        value={tab}
        onChange={(next) => setParams({ tab: next }, { replace: true })}
        tabs={[
          { id: 'rules', label: firing ? `Rules · ${firing} firing` : 'Rules', count: rules.data?.items.length },
          { id: 'channels', label: 'Channels', count: channels.data?.items.length },
          { id: 'events', label: 'Events' },
        ]}
      />
      <TabPanel idPrefix="alerts" id={tab}>
        {tab === 'rules' && <RulesTab rules={rules} channels={channels.data?.items ?? []} />}
        {tab === 'channels' && <ChannelsTab channels={channels} />}
        {tab === 'events' && <EventsTab rules={rules.data?.items ?? []} channels={channels.data?.items ?? []} refetchInterval={REFRESH_MS} />}
      </TabPanel>
    </>
  );
}
