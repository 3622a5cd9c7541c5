import { Alert, Stack, Stepper, Text, Title } from '@mantine/core';
import { useApiQuery } from '../api/queries';
import { setParams, useRoute } from '../app/router';
import { fmtTimestamp } from '../components/format';
import { imp } from '../i18n/import';
import { DoneStep } from './DoneStep';
import { saveFile } from '../components/files';
import { FileStep } from './FileStep';
import { MappingStep } from './MappingStep';
import { PhaseProgress } from './PhaseProgress';
import { RegisterStep } from './RegisterStep';
import { ReportStep } from './ReportStep';
import { useImportFlow } from './useImportFlow';

const s = imp.steps;

/**
 * 导入台账: choose the register, the file, check the column mapping, read the report, import. `?register=` comes
 * from a register's own "导入…" action and starts at the file.
 */
export function ImportPage() {
  const route = useRoute();
  const registers = useApiQuery('import.listRegisters', {});
  const flow = useImportFlow(route.params.get('register'));
  const register = registers.data?.find((r) => r.key === flow.register) ?? null;
  const active = !register ? 0 : flow.result ? 4 : flow.report ? 3 : flow.analysis ? 2 : 1;
  const previous = flow.analysis?.previousImports[0];
  const choose = (key: string | null) => {
    flow.chooseRegister(key);
    setParams(route, { register: key });
  };

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0, overflowY: 'auto' }} pr={4}>
      <div>
        <Title order={3}>{imp.title}</Title>
        <Text size="sm" c="dimmed">{imp.intro}</Text>
      </div>
      <Stepper active={active} size="sm" allowNextStepsSelect={false}
        onStepClick={(i) => (i === 0 ? choose(null) : i === 1 ? flow.startOver() : undefined)}>
        <Stepper.Step label={s.register} description={register?.title ?? s.registerHint} />
        <Stepper.Step label={s.file} description={flow.file?.fileName ?? s.fileHint} />
        <Stepper.Step label={s.mapping} description={s.mappingHint} />
        <Stepper.Step label={s.report} description={s.reportHint} />
        <Stepper.Completed>{null}</Stepper.Completed>
      </Stepper>
      <PhaseProgress busy={flow.busy} />
      {flow.error && <Alert color="red" title={imp.failed} withCloseButton onClose={flow.clearError} role="alert">{flow.error}</Alert>}

      {active === 0 && registers.data && <RegisterStep registers={registers.data} selected={flow.register} onChoose={choose} />}
      {active === 1 && <FileStep file={flow.file} onFile={(f) => void flow.pickFile(f)} onBack={() => choose(null)} />}
      {active === 2 && register && flow.analysis && (
        <>
          {previous && <Alert color="yellow" py="xs">{imp.file.previous(fmtTimestamp(previous.at), previous.operator, previous.created)}</Alert>}
          <MappingStep
            key={`${flow.analysis.sha256}|${flow.analysis.sheet}|${flow.analysis.headerRow}`}
            register={register}
            analysis={flow.analysis}
            mapping={flow.mapping}
            onMapping={flow.setMapping}
            sheets={flow.sheets}
            onSheets={flow.chooseSheets}
            onReanalyse={(where) => void flow.reanalyse(where)}
            onCheck={() => void flow.validate()}
            onBack={flow.startOver}
            busy={!!flow.busy}
          />
        </>
      )}
      {active === 3 && register && flow.report && (
        <ReportStep
          register={register}
          report={flow.report}
          options={flow.options}
          onOptions={(o) => void flow.validate(o)}
          values={flow.values}
          onAnswer={(v) => void flow.answer(v)}
          onDownload={async (unmasked) => {
            const out = await flow.downloadReport(unmasked);
            if (out) saveFile(out);
          }}
          onCommit={() => void flow.commit()}
          onBack={() => flow.backToMapping()}
          busy={!!flow.busy}
        />
      )}
      {active === 4 && flow.result && (
        <DoneStep register={flow.register!} result={flow.result} onAgain={flow.startOver} />
      )}
    </Stack>
  );
}
