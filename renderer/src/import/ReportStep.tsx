import { Alert, Badge, Button, Checkbox, Group, List, Paper, Radio, Stack, Tabs, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconDownload } from '@tabler/icons-react';
import { rowLabel, type RegisterInfo, type ValidationReport, type ValueAnswers } from '../../../main/api/import/contract';
import { zh } from '../i18n/zh-CN';
import { imp } from '../i18n/import';
import { PreviewTable, RowTable } from './ReportTables';
import { rowsText } from './rows';
import type { Options } from './useImportFlow';
import { ValueQuestions } from './ValueQuestions';

const r = imp.report;

interface Props {
  register: RegisterInfo;
  report: ValidationReport;
  options: Options;
  onOptions: (o: Options) => void;
  values: ValueAnswers;
  onAnswer: (values: ValueAnswers) => void;
  onDownload: (unmasked: boolean) => void;
  onCommit: () => void;
  onBack: () => void;
  busy: boolean;
}

/**
 * The validation report: how the import is to treat stored records and missing names (changing either checks the
 * rows again), what every row will do, the rows that cannot be imported beside their cells, and the import itself
 * — offered only when no row is wrong, and confirmed with what exactly will happen.
 */
export function ReportStep({ register, report, options, onOptions, values, onAnswer, onDownload, onCommit, onBack, busy }: Props) {
  const s = report.summary;
  const bad = report.rows.filter((x) => x.status === 'error' || x.status === 'duplicate');
  const matched = report.rows.filter((x) => x.status === 'skip' || x.status === 'update');
  const warned = report.rows.filter((x) => x.status === 'create' && x.warnings.length > 0);
  const badCount = s.error + s.duplicate;
  const at = (key: number) => rowLabel(key, report.sheetNames);
  const confirm = () =>
    modals.openConfirmModal({
      title: imp.confirm.title,
      children: <Text size="sm">{imp.confirm.body(s.create, s.update, s.skip)}</Text>,
      labels: { confirm: imp.confirm.ok, cancel: zh.common.cancel },
      onConfirm: onCommit,
    });

  const downloadFull = () =>
    modals.openConfirmModal({
      title: r.downloadFull,
      children: <Text size="sm">{r.downloadFullConfirm}</Text>,
      labels: { confirm: r.download, cancel: zh.common.cancel },
      onConfirm: () => onDownload(true),
    });

  return (
    <Stack gap="sm">
      <Paper withBorder p="sm">
        <Group gap="xl" align="flex-start">
          <Radio.Group label={r.duplicates} value={options.duplicates} onChange={(v) => onOptions({ ...options, duplicates: v as Options['duplicates'] })}>
            <Group gap="md" mt={4}>
              <Radio value="skip" label={r.skipOption} />
              <Radio value="update" label={r.updateOption} />
            </Group>
          </Radio.Group>
          <Checkbox mt={26} maw={520} label={r.createMissing} checked={options.createMissing}
            onChange={(e) => onOptions({ ...options, createMissing: e.currentTarget.checked })} />
        </Group>
      </Paper>

      <Group gap="xs" aria-label={r.summary} role="group">
        <Badge size="lg" variant="outline" color="gray">{r.total(s.total)}</Badge>
        <Badge size="lg" variant="light" color="green">{r.create(s.create)}</Badge>
        {s.update > 0 && <Badge size="lg" variant="light" color="blue">{r.update(s.update)}</Badge>}
        {s.skip > 0 && <Badge size="lg" variant="light" color="gray">{r.skip(s.skip)}</Badge>}
        {s.error > 0 && <Badge size="lg" variant="light" color="red">{r.error(s.error)}</Badge>}
        {s.duplicate > 0 && <Badge size="lg" variant="light" color="orange">{r.duplicate(s.duplicate)}</Badge>}
        {s.excluded > 0 && <Badge size="lg" variant="light" color="gray">{r.excluded(s.excluded)}</Badge>}
        {s.warned > 0 && <Badge size="lg" variant="light" color="yellow">{r.warned(s.warned)}</Badge>}
        <Text size="xs" c="dimmed">{r.notData(s.blank, s.ignored)}</Text>
      </Group>
      {report.skippedRows.length > 0 && (
        <Text size="xs" c="dimmed" data-testid="skipped-rows">
          {r.skippedRows(report.skippedRows.slice(0, 10).map((x) => r.skippedRow(at(x.row), x.reason)).join('、'), report.skippedRows.length - 10)}
        </Text>
      )}

      {report.hiddenRows.length > 0 && (
        <Alert color="yellow" py="xs" title={r.hiddenRows(s.hidden)} data-testid="hidden-rows">
          <Text size="sm">{report.hiddenRows.slice(0, 20).map((x) => r.skippedRow(at(x.row), x.title || r.empty)).join('、')}</Text>
          <Checkbox mt={6} label={r.includeHidden} checked={options.includeHiddenRows}
            onChange={(e) => onOptions({ ...options, includeHiddenRows: e.currentTarget.checked })} />
        </Alert>
      )}
      <ValueQuestions key={JSON.stringify(report.questions)} register={register} report={report} values={values} onAnswer={onAnswer} busy={busy} />
      {report.mappingProblems.length > 0 && (
        <Alert color="red" title={r.mappingProblems}>{report.mappingProblems.join('；')}</Alert>
      )}
      {report.extras.length > 0 && (
        <Alert color="blue" title={r.extras} py="xs"><List size="sm">{report.extras.map((e) => <List.Item key={e}>{e}</List.Item>)}</List></Alert>
      )}
      <Alert color={badCount ? 'red' : 'green'} py="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">{badCount ? r.mustFix(badCount) : r.allGood}</Text>
          <Group gap="xs" wrap="nowrap">
            {badCount > 0 && (
              <Button size="xs" color="red" variant="light" onClick={() => onOptions({ ...options, excludeRows: [...options.excludeRows, ...bad.map((x) => x.row)] })}>
                {r.exclude(badCount)}
              </Button>
            )}
            <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} onClick={() => onDownload(false)}>{r.download}</Button>
            <Button size="xs" variant="subtle" color="gray" onClick={downloadFull}>{r.downloadFull}</Button>
          </Group>
        </Group>
      </Alert>
      {options.excludeRows.length > 0 && (
        <Group gap="xs">
          <Text size="sm" c="dimmed">{r.excludedNote(rowsText(options.excludeRows, report.sheetNames))}</Text>
          <Button size="compact-xs" variant="subtle" onClick={() => onOptions({ ...options, excludeRows: [] })}>{r.includeAgain}</Button>
        </Group>
      )}

      <Tabs defaultValue={bad.length ? 'problems' : 'preview'} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="problems">{r.tabProblems(badCount)}</Tabs.Tab>
          <Tabs.Tab value="existing">{r.tabExisting(s.skip + s.update)}</Tabs.Tab>
          {warned.length > 0 && <Tabs.Tab value="warnings">{r.tabWarnings(warned.length)}</Tabs.Tab>}
          <Tabs.Tab value="preview">{r.tabPreview}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="problems" pt="xs"><RowTable register={register} sheetNames={report.sheetNames} rows={bad} label={r.tabProblems(badCount)} /></Tabs.Panel>
        <Tabs.Panel value="existing" pt="xs"><RowTable register={register} sheetNames={report.sheetNames} rows={matched} label={r.tabExisting(matched.length)} /></Tabs.Panel>
        <Tabs.Panel value="warnings" pt="xs"><RowTable register={register} sheetNames={report.sheetNames} rows={warned} label={r.tabWarnings(warned.length)} /></Tabs.Panel>
        <Tabs.Panel value="preview" pt="xs"><PreviewTable register={register} report={report} /></Tabs.Panel>
      </Tabs>
      {report.truncated && <Text size="xs" c="dimmed">{r.truncated}</Text>}

      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>{r.back}</Button>
        <Button onClick={confirm} disabled={!report.canCommit} loading={busy}>{r.commit(s.create + s.update)}</Button>
      </Group>
    </Stack>
  );
}
