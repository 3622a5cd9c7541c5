import { Checkbox, Select, SimpleGrid } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { z } from 'zod';
import { requestSources, urgencies } from '../../../../main/api/requests/labels';
import { ReportInput } from '../../../../main/api/requests/schemas';
import { useApiMutation } from '../../api/queries';
import { today } from '../../app/clock';
import { CheckField, DateField, SelectField, TextAreaField, TextField, options } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { useZodForm } from '../../components/useZodForm';
import { rq } from '../../i18n/requests';
import { useCategories } from '../useCategories';
import { usePlaceOptions } from '../usePlaceOptions';
import { PlacePicker } from '../PlacePicker';
import { TemplatePicker } from './TemplatePicker';

const f = rq.report;
type Values = z.input<typeof ReportInput>;

/**
 * 上报, typed from the keyboard as a grid worker back from rounds enters ten: a 常见事项 first (picking one fills the
 * content, the category and its urgency, and the content takes the focus to add where and what), then Enter from field to field —
 * the place by pinyin —, Ctrl+Enter saves. With 保存后继续 ticked the next blank form opens at once, the source, place
 * and day carried.
 */
export function ReportDrawer({ onClose }: { onClose: () => void }) {
  const places = usePlaceOptions();
  const [carry, setCarry] = useState<Pick<Values, 'source' | 'placeId' | 'reportedOn'> | null>(null);
  const [again, setAgain] = useState(true);
  const [round, setRound] = useState(0);
  return <ReportForm key={round} carry={carry} again={again} setAgain={setAgain} places={places.all} onClose={onClose}
    onSaved={(v) => (setCarry(v), setRound((n) => n + 1))} />;
}

function ReportForm(props: {
  carry: Pick<Values, 'source' | 'placeId' | 'reportedOn'> | null; again: boolean; setAgain: (v: boolean) => void;
  places: { value: string; label: string }[]; onClose: () => void; onSaved: (v: Pick<Values, 'source' | 'placeId' | 'reportedOn'>) => void;
}) {
  const form = useZodForm(ReportInput, {
    reportedOn: props.carry?.reportedOn ?? today(), source: props.carry?.source ?? 'visit', anonymous: false, reporterName: '', reporterPhone: '',
    placeId: props.carry?.placeId ?? '', content: '', category: null, urgency: 'normal',
  } as Values);
  const categories = useCategories();
  const report = useApiMutation('requests.report');
  const anonymous = form.values.anonymous === true;
  const save = form.submit(async (input) => {
    await report.mutateAsync(input);
    notifications.show({ color: 'green', message: f.saved });
    if (props.again) props.onSaved({ source: input.source, placeId: input.placeId, reportedOn: input.reportedOn });
    else props.onClose();
  });
  return (
    <FormDrawer opened title={f.title} dirty={form.dirty} submitting={form.submitting} onClose={props.onClose} onSave={save}
      extraActions={<Checkbox label={f.saveNext} checked={props.again} onChange={(e) => props.setAgain(e.currentTarget.checked)} />}>
      <TemplatePicker label={f.template} placeholder={f.templateHint} onPick={(t) => {
        form.set('content', t.content);
        form.set('category', t.category);
        form.set('urgency', t.urgency);
        // The content next, its cursor at the end, to add where and what.
        requestAnimationFrame(() => {
          const box = document.querySelector<HTMLTextAreaElement>('[data-report-content] textarea');
          box?.focus();
          box?.setSelectionRange(box.value.length, box.value.length);
        });
      }} />
      <div data-report-content><TextAreaField form={form} name="content" label={f.content} required minRows={3} /></div>
      <PlacePicker label={f.place} placeholder={f.placeHint} options={props.places} value={(form.values.placeId as string) || null}
        error={form.errors.placeId} onChange={(v) => form.set('placeId', v ?? '')} onBlur={() => form.touch('placeId')} nothingFound={f.noPlace} />
      <SimpleGrid cols={2}>
        <Select label={f.category} placeholder={f.categoryHint} data={categories.active('accepted')} clearable searchable
          value={(form.values.category as string | null) ?? null} onChange={(v) => form.set('category', v)} />
        {/* 梳理受理's urgency, recorded with the category (none without one). */}
        <SelectField form={form} name="urgency" label={f.urgency} data={options(urgencies)} disabled={!form.values.category} />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <SelectField form={form} name="source" label={f.source} data={options(requestSources)} required />
        <DateField form={form} name="reportedOn" label={f.reportedOn} required />
      </SimpleGrid>
      <CheckField form={form} name="anonymous" label={f.anonymous} />
      {!anonymous && (
        <>
          <TextField form={form} name="reporterName" label={f.reporterName} required />
          <TextField form={form} name="reporterPhone" label={f.reporterPhone} />
        </>
      )}
    </FormDrawer>
  );
}
