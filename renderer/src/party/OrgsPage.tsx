import { Group, Tabs, Title } from '@mantine/core';
import { IconMapPin, IconSitemap } from '@tabler/icons-react';
import { setParams, useRoute } from '../app/router';
import { reg } from '../i18n/party-register';
import { zh } from '../i18n/zh-CN';
import { OrgsPanel } from './orgs/OrgsPanel';
import { PlacesPanel } from './orgs/PlacesPanel';

const panel = { flex: 1, minHeight: 0 } as const;

/** 组织与地点: the party organisation tree and the community's places, each master–detail. */
export function OrgsPage() {
  const route = useRoute();
  // The global search links a place as `?place=<id>`: that opens the places tab.
  const tab = route.params.get('tab') ?? (route.params.get('place') ? 'places' : 'orgs');
  return (
    <Tabs
      value={tab}
      onChange={(v) => setParams(route, { tab: v })}
      style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}
    >
      <Group gap="xl" mb="sm" wrap="nowrap" align="flex-end">
        <Title order={3}>{zh.nav.orgs}</Title>
        <Tabs.List>
          <Tabs.Tab value="orgs" leftSection={<IconSitemap size={16} />}>{reg.orgs.tabOrgs}</Tabs.Tab>
          <Tabs.Tab value="places" leftSection={<IconMapPin size={16} />}>{reg.orgs.tabPlaces}</Tabs.Tab>
        </Tabs.List>
      </Group>
      <Tabs.Panel value="orgs" style={panel}>{tab === 'orgs' && <OrgsPanel />}</Tabs.Panel>
      <Tabs.Panel value="places" style={panel}>{tab === 'places' && <PlacesPanel />}</Tabs.Panel>
    </Tabs>
  );
}
