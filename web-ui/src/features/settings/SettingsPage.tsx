import { Settings } from 'lucide-react';
import { useSearchParams } from 'react-router-dom';
import { currentProject, usePermission, usePrincipal } from '../../app/api';
import { TabPanel, Tabs } from '../../components/forms';
import { Card, EmptyState, PageHeader } from '../../components/ui';
import { ApiKeysTab } from './ApiKeysTab';
import { MembersTab } from './MembersTab';
import { RetentionTab } from './RetentionTab';
import { SecretsTab } from './SecretsTab';

type Tab = 'api-keys' | 'members' | 'secrets' | 'retention';
const TABS: Tab[] = ['api-keys', 'members', 'secrets', 'retention'];

/** Project settings, for admins: API keys, members and invitations, secrets, data retention. */
export default function SettingsPage() {
  const canAdmin = usePermission('admin');
  const principal = usePrincipal();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.includes(params.get('tab') as Tab) ? (params.get('tab') as Tab) : 'api-keys';
  const header = <PageHeader title="Settings" description="API keys, members, secrets and data retention of this project." />;
  const projectId = currentProject.get();
  if (!canAdmin.allowed || !projectId) {
    return (
      <>
        {header}
        <Card>
          <EmptyState title="Settings are for project admins" icon={<Settings aria-hidden className="size-5" />}>
            {canAdmin.reason ?? 'No project is selected.'}
          </EmptyState>
        </Card>
      </>
    );
  }
  const myRole = principal?.kind === 'user' ? principal.role : null;
  return (
    <>
      {header}
      <Tabs
        label="Settings sections"
        idPrefix="settings"
        value={tab}
        onChange={(next) => setParams({ tab: next }, { replace: true })}
        tabs={[
          { id: 'api-keys', label: 'API keys' },
          { id: 'members', label: 'Members' },
          { id: 'secrets', label: 'Secrets' },
          { id: 'retention', label: 'Data retention' },
        ]}
      />
      <TabPanel idPrefix="settings" id={tab}>
        {tab === 'api-keys' && <ApiKeysTab />}
        {tab === 'members' && <MembersTab projectId={projectId} myRole={myRole} />}
        {tab === 'secrets' && <SecretsTab />}
        {tab === 'retention' && <RetentionTab />}
      </TabPanel>
    </>
  );
}
