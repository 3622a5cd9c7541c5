import { Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { RegisterInfo } from '../../../main/api/import/contract';
import { imp } from '../i18n/import';

/** Which register the file holds: one card per register the modules declare, with the fields it takes. */
export function RegisterStep({ registers, selected, onChoose }: { registers: RegisterInfo[]; selected: string | null; onChoose: (key: string) => void }) {
  return (
    <SimpleGrid cols={3} spacing="md">
      {registers.map((r) => (
        <Card key={r.key} withBorder padding="md" aria-label={r.title} component="section"
          style={selected === r.key ? { borderColor: 'var(--mantine-primary-color-filled)' } : undefined}>
          <Stack gap="xs" h="100%">
            <Title order={5}>{r.title}</Title>
            <Text size="sm">{r.description}</Text>
            <Text size="xs" c="dimmed" style={{ flex: 1 }}>{imp.register.fields(r.fields.map((f) => f.label))}</Text>
            <Button variant={selected === r.key ? 'filled' : 'light'} onClick={() => onChoose(r.key)} aria-label={`${imp.register.choose}${r.title}`}>
              {imp.register.choose}
            </Button>
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
