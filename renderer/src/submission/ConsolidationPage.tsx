import { Alert, Button, FileButton, Group, Stack, Text, Title } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { MAX_PACKAGE_BYTES, packageTooLarge } from '../../../main/api/submission/contract';
import { levelBelow, unitLevels } from '../../../main/api/system/contract';
import { callApi, useApiQuery } from '../api/queries';
import type { ApiOutput } from '../api/types';
import { EmptyState } from '../components/EmptyState';
import { sub } from '../i18n/submission';
import { readFileBase64 } from '../components/files';
import { ConflictsCard } from './import/ConflictsCard';
import { PackageCard, type PickedPackage } from './import/PackageCard';
import { RecordsDrawer } from './import/RecordsDrawer';
import { UnitsTable } from './import/UnitsTable';
import { useUnit } from './TargetFields';

const i = sub.import;

/** 导入下级数据 (a street): check and import communities' packages, see what is consolidated, settle conflicts. */
export function ConsolidationPage() {
  const unit = useUnit();
  const below = unit && levelBelow[unit.unitLevel];
  const units = useApiQuery('submission.listUnits', {}, { enabled: !!below });
  const [picked, setPicked] = useState<PickedPackage[]>([]);
  const [reading, setReading] = useState(false);
  // Files refused before reading (too large to be a package of ours), by name, with why.
  const [tooLarge, setTooLarge] = useState<{ name: string; message: string }[]>([]);
  const [viewing, setViewing] = useState<ApiOutput<'submission.listUnits'>[number] | null>(null);
  // Cleared after each choice, so choosing the same file again (to re-check it) is still a change.
  const resetInput = useRef<() => void>(null);
  if (!unit) return null;
  if (!below) return <EmptyState title={i.notStreet} hint={i.notStreetHint} />;

  const check = async (fileName: string, contentBase64: string) => {
    const inspection = await callApi('submission.inspectPackage', { fileName, contentBase64 });
    setPicked((p) => {
      const at = p.findIndex((x) => x.fileName === fileName);
      const next = { fileName, contentBase64, inspection };
      return at < 0 ? [...p, next] : p.map((x, k) => (k === at ? next : x));
    });
  };

  // Each file is checked on its own as it is chosen; nothing is written until its 导入 is pressed.
  const choose = async (files: File[]) => {
    setReading(true);
    const big = files.filter((f) => f.size > MAX_PACKAGE_BYTES);
    setTooLarge(big.map((f) => ({ name: f.name, message: packageTooLarge(f.size) })));
    try {
      for (const file of files.filter((f) => !big.includes(f))) await check(file.name, await readFileBase64(file));
    } finally {
      setReading(false);
      resetInput.current?.();
    }
  };

  return (
    <Stack gap="md" style={{ flex: 1, minHeight: 0, overflowY: 'auto' }} pr={4}>
      <Title order={3}>{i.title}</Title>
      <Text size="sm" c="dimmed" maw={900}>{i.intro(unitLevels[below])}</Text>
      <Group>
        <FileButton onChange={(files) => void choose(files)} accept=".sdpkg,application/zip" multiple resetRef={resetInput}>
          {(props) => <Button {...props} leftSection={<IconFileUpload size={18} />} loading={reading}>{i.pick}</Button>}
        </FileButton>
      </Group>
      {tooLarge.map((f) => (
        <Alert key={f.name} color="red" title={`${f.name}：${i.refused}`} data-testid={`too-large-${f.name}`} style={{ flexShrink: 0 }}>{f.message}</Alert>
      ))}
      {picked.map((p) => (
        <PackageCard key={p.fileName} pkg={p} onRemove={() => setPicked((all) => all.filter((x) => x !== p))} onRecheck={() => void check(p.fileName, p.contentBase64)} />
      ))}
      <ConflictsCard />
      <Title order={4}>{i.units}</Title>
      <UnitsTable below={unitLevels[below]} units={units.data ?? []} onView={setViewing} />
      {viewing && <RecordsDrawer unit={viewing} onClose={() => setViewing(null)} />}
    </Stack>
  );
}
