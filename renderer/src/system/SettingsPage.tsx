import { Alert, Card, Group, ScrollArea, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { levelAbove, unitLevels, type SystemStatus } from '../../../main/api/system/contract';
import { useApiQuery } from '../api/queries';
import { zh } from '../i18n/zh-CN';
import { BackupsCard } from './settings/BackupsCard';
import { IntegrityCard } from './settings/IntegrityCard';
import { ParentUnitCard } from './settings/ParentUnitCard';
import { AccountsCard } from './settings/AccountsCard';
import { LockMinutesField } from './settings/LockMinutesField';
import { ElevatorChecklistCard } from './settings/ElevatorChecklistCard';
import { FundCategoriesCard } from './settings/FundCategoriesCard';
import { FundSettingsCard } from './settings/FundSettingsCard';
import { PropertySettingsCard } from './settings/PropertySettingsCard';
import { RenewRecoveryCode } from './settings/RenewRecoveryCode';
import { RequestSettingsCard } from './settings/RequestSettingsCard';
import { TimeZoneField } from './settings/TimeZoneField';

const t = zh.settings;

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={80} style={{ flexShrink: 0 }}>{label}</Text>
      <Text size="sm" style={{ wordBreak: 'break-all' }}>{value}</Text>
    </Group>
  );
}

/** What support asks first when the data will not open: which driver, which SQLite, and why not the usual one. */
const sqliteLine = (d: SystemStatus['sqliteDriver']) =>
  `${d.label}，SQLite ${d.sqliteVersion}${d.reason ? `；${t.sqliteFallback(d.reason)}` : ''}`;

export function SettingsPage() {
  const status = useApiQuery('system.getStatus', {});
  if (!status.data?.installation) return null;
  const { installation: unit, account, ...s } = status.data;
  const admin = account?.role === 'admin';
  const upper = levelAbove[unit.unitLevel];
  const above = upper && unitLevels[upper];
  return (
    <ScrollArea h="100%">
      <Stack gap="md" maw={1100}>
        <Title order={3}>{t.title}</Title>
        {s.warnings.map((w) => (
          <Alert key={w} color="red" variant="light" title={t.warnings}>{w}</Alert>
        ))}
        <SimpleGrid cols={2}>
          <Card withBorder>
            <Stack gap={6}>
              <Title order={5}>{t.unit}</Title>
              <Fact label={zh.setup.unitName} value={`${unit.unitName}（${unitLevels[unit.unitLevel]}）`} />
              <Fact label={zh.setup.unitCode} value={unit.unitCode} />
              {above && (
                <Fact label={zh.setup.parentName(above)} value={unit.parentCode ? `${unit.parentName}（${unit.parentCode}）` : t.noParent} />
              )}
              <Fact label={t.signingKey} value={s.signingFingerprint ?? t.signingKeyLater} />
              <Fact label={t.dataDir} value={s.dataDir} />
              <Fact label={t.dbFile} value={s.dbFile} />
              <Fact label={t.version} value={`${s.appVersion}（${t.schema} ${s.schemaVersion}）`} />
              <Fact label={t.sqlite} value={sqliteLine(s.sqliteDriver)} />
              <Fact label={t.encryption} value={s.encrypted ? t.encrypted : t.notEncrypted} />
              {admin && s.encrypted && <RenewRecoveryCode />}
              {admin && <TimeZoneField key={unit.timeZone} timeZone={unit.timeZone} />}
              {admin && <LockMinutesField key={s.lockMinutes} minutes={s.lockMinutes} />}
            </Stack>
          </Card>
          {admin && account && <AccountsCard me={account.id} />}
        </SimpleGrid>
        {admin && above && (
          <ParentUnitCard key={`${unit.parentName}|${unit.parentCode}`} level={unitLevels[unit.unitLevel]} above={above} parentName={unit.parentName ?? null} parentCode={unit.parentCode ?? null} />
        )}
        {admin && <PropertySettingsCard />}
        {admin && <RequestSettingsCard />}
        {admin && <FundSettingsCard />}
        {admin && <FundCategoriesCard />}
        {admin && <ElevatorChecklistCard />}
        <BackupsCard admin={admin} />
        <IntegrityCard />
      </Stack>
    </ScrollArea>
  );
}
