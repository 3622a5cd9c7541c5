import { Alert, Badge, Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { SHEET_NAME_COLUMN, type Analysis, type RegisterInfo } from '../../../main/api/import/contract';
import { imp } from '../i18n/import';

const m = imp.mapping;
const NOT_IMPORTED = '';

interface Props {
  register: RegisterInfo;
  analysis: Analysis;
  mapping: Record<string, number | null>;
  onMapping: (m: Record<string, number | null>) => void;
  /** The sheets of the layout imported together (合并导入这些工作表). */
  sheets: string[];
  onSheets: (names: string[]) => void;
  onReanalyse: (where: { sheet?: string; headerRow?: number }) => void;
  onCheck: () => void;
  onBack: () => void;
  busy: boolean;
}

/**
 * Which column is which field: the sheet, the header row, and for every field the column (with a few values from
 * the file, so a wrong match shows at a glance). Required fields must have a column before the rows are checked.
 */
export function MappingStep({ register, analysis, mapping, onMapping, sheets, onSheets, onReanalyse, onCheck, onBack, busy }: Props) {
  const [headerRow, setHeaderRow] = useState<number | string>(analysis.headerRow);
  const options = [
    { value: NOT_IMPORTED, label: m.notImported },
    ...analysis.columns.map((c) => ({ value: String(c.index), label: m.columnLabel(c.letter, c.header || m.untitled, c.hidden) })),
  ];
  const missing = register.fields.filter((f) => f.required && (mapping[f.key] ?? null) === null);
  const bySheet = register.fields.filter((f) => mapping[f.key] === SHEET_NAME_COLUMN);
  const several = analysis.sameLayout.length > 1;
  const together = several && sheets.length > 1;
  const nameSamples = together ? sheets : [analysis.sheet];
  const note = !analysis.headerFound ? m.headerMissing : analysis.mappingSource === 'remembered' ? m.remembered : m.detected;

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="md">
        {analysis.sheets.length > 1 && (
          <Select
            label={m.sheet}
            w={260}
            value={analysis.sheet}
            allowDeselect={false}
            data={analysis.sheets.map((s) => ({ value: s.name, label: m.sheetRows(s.name, s.rows) }))}
            onChange={(sheet) => sheet && onReanalyse({ sheet })}
          />
        )}
        <NumberInput
          label={m.headerRow}
          description={m.headerRowHint}
          w={220}
          min={1}
          value={headerRow}
          onChange={setHeaderRow}
          onBlur={() => Number(headerRow) !== analysis.headerRow && Number(headerRow) >= 1 && onReanalyse({ sheet: analysis.sheet, headerRow: Number(headerRow) })}
        />
        <Text size="sm" c="dimmed" pb={6} style={{ flex: 1 }}>{m.dataRows(analysis.dataRows)}</Text>
        {/* The next step's button where the eye is, not below a 20-row table. */}
        <Group gap="xs">
          <Button variant="default" onClick={onBack}>{m.back}</Button>
          <Button onClick={onCheck} disabled={missing.length > 0 || (several && sheets.length === 0)} loading={busy}>{m.check}</Button>
        </Group>
      </Group>
      <Alert color={analysis.headerFound ? 'blue' : 'yellow'} py="xs">{note}</Alert>
      {several && <SheetChecklist analysis={analysis} sheets={sheets} onSheets={onSheets} />}
      {bySheet.length > 0 && (
        <Alert color="blue" py="xs" data-testid="sheet-name-note">
          {together ? m.bySheets(bySheet.map((f) => f.label).join('、')) : m.bySheet(bySheet.map((f) => f.label).join('、'), sheets[0] ?? analysis.sheet)}
        </Alert>
      )}

      <Paper withBorder>
        <Table verticalSpacing={4} aria-label={m.column}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={220}>{m.field}</Table.Th>
              <Table.Th w={300}>{m.column}</Table.Th>
              <Table.Th>{m.samples}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {register.fields.map((f) => {
              const col = mapping[f.key] ?? null;
              const samples = col === null ? [] : col === SHEET_NAME_COLUMN ? nameSamples : (analysis.columns[col]?.samples ?? []);
              const choices = f.orSheetName ? [...options, { value: String(SHEET_NAME_COLUMN), label: m.sheetName }] : options;
              return (
                <Table.Tr key={f.key}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={500}>{f.label}</Text>
                      {f.required && <Badge size="xs" variant="light">{m.required}</Badge>}
                    </Group>
                    {f.hint && <Text size="xs" c="dimmed">{f.hint}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={f.label}
                      size="xs"
                      data={choices}
                      value={col === null ? NOT_IMPORTED : String(col)}
                      allowDeselect={false}
                      searchable
                      error={f.required && col === null ? m.required : undefined}
                      onChange={(v) => onMapping({ ...mapping, [f.key]: v === NOT_IMPORTED || v === null ? null : Number(v) })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed" lineClamp={1}>{samples.join(' · ')}</Text>
                    {col !== null && analysis.columns[col]?.hidden && <Text size="xs" c="orange.8">{m.hiddenChosen}</Text>}
                    {col === SHEET_NAME_COLUMN && <Text size="xs" c="dimmed">{m.sheetNameHint}</Text>}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}

/**
 * 合并导入这些工作表: the sheets of this layout, each with its rows and header row; a hidden sheet says so, and one
 * whose header differs says how.
 */
function SheetChecklist({ analysis, sheets, onSheets }: Pick<Props, 'analysis' | 'sheets' | 'onSheets'>) {
  const rows = analysis.sameLayout.filter((x) => sheets.includes(x.name)).reduce((sum, x) => sum + x.dataRows, 0);
  return (
    <Paper withBorder p="sm" data-testid="sheet-checklist">
      <Checkbox.Group
        label={m.sheetsTitle}
        description={m.sheetsHint(analysis.sameLayout.length)}
        value={sheets}
        // Kept in workbook order, whatever order they were ticked in.
        onChange={(names) => onSheets(analysis.sameLayout.map((x) => x.name).filter((n) => names.includes(n)))}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing={6} verticalSpacing={6} mt={8}>
          {analysis.sameLayout.map((x) => (
            <Checkbox
              key={x.name}
              value={x.name}
              label={
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">{m.sheetOption(x.name, x.dataRows, x.headerRow)}</Text>
                  {x.hidden && <Badge size="xs" variant="light" color="orange">{m.hiddenSheet}</Badge>}
                </Group>
              }
              // How its header differs from this sheet's (columns in another order, more or fewer): read by header name.
              description={x.differs ? m.sheetDiffers(x.differs) : undefined}
            />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Text size="xs" c="dimmed" mt={6}>{m.sheetsChosen(sheets.length, rows)}</Text>
    </Paper>
  );
}
