import { handlerKinds, ratings, urgencies } from '../../../../main/api/requests/labels';
import { stepName, type RequestState } from '../../../../main/api/requests/rules';
import { AssignStep, DoneStep, EvaluateStep, PubliciseStep, RejectStep, SortStep, SuperviseStep } from '../../../../main/api/requests/schemas';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { today } from '../../app/clock';
import { ActionModal } from '../../components/ActionModal';
import { DateField, SelectField, TextAreaField, TextField, options } from '../../components/fields';
import { rq } from '../../i18n/requests';
import type { RequestView } from '../types';
import { useCategories } from '../useCategories';

const s = rq.step;
type Step = Exclude<RequestState, 'reported'>;

/** One step of the cycle, with only the fields that step settles; the core refuses a step the table does not allow. */
export function StepModal({ request, to, onClose }: { request: RequestView; to: Step; onClose: () => void }) {
  const step = useApiMutation('requests.step', { quiet: true });
  const categories = useCategories();
  const settings = useApiQuery('requests.getSettings', {});
  const days = settings.data ? Object.entries(settings.data.deadlineDays).map(([k, d]) => `${handlerKinds[k as keyof typeof handlerKinds]} ${d} 天`).join('，') : '';
  const common = {
    title: stepName(request.state, to), intro: s.intro(request.content), confirmLabel: stepName(request.state, to), onClose,
    onSubmit: (input: Parameters<typeof step.mutateAsync>[0]) => step.mutateAsync(input),
  };
  const id = request.id;
  switch (to) {
    case 'sorted':
      return <ActionModal {...common} schema={SortStep} initial={{ id, to, category: null, urgency: 'normal', note: '' }} fields={(form) => (
        <>
          <SelectField form={form} name="category" label={s.category} data={categories.active('accepted')} required autoFocus />
          <SelectField form={form} name="urgency" label={s.urgency} data={options(urgencies)} required />
          <TextField form={form} name="note" label={s.note} />
        </>)} />;
    case 'not_accepted':
      return <ActionModal {...common} danger schema={RejectStep} initial={{ id, to, category: null, answer: '', reason: '', note: '' }} fields={(form) => (
        <>
          <SelectField form={form} name="category" label={s.rejectCategory} data={categories.active('not_accepted')} required autoFocus />
          <TextAreaField form={form} name="answer" label={s.answer} required minRows={2} />
          <TextAreaField form={form} name="reason" label={s.reason} required minRows={2} />
        </>)} />;
    case 'assigned':
      return <ActionModal {...common} schema={AssignStep} initial={{ id, to, handlerKind: null, handlerName: '', dueOn: '', note: '' }} fields={(form) => (
        <>
          <SelectField form={form} name="handlerKind" label={s.handlerKind} data={options(handlerKinds)} required autoFocus />
          <TextField form={form} name="handlerName" label={s.handlerName} required />
          <DateField form={form} name="dueOn" label={s.dueOn} description={s.dueHint(days)} placeholder="按设置的天数" />
          <TextField form={form} name="note" label={s.note} />
        </>)} />;
    case 'supervised':
      return <ActionModal {...common} schema={SuperviseStep} initial={{ id, to, note: '' }}
        fields={(form) => <TextAreaField form={form} name="note" label={s.supervise} required autoFocus minRows={2} />} />;
    case 'done':
      return <ActionModal {...common} schema={DoneStep} initial={{ id, to, doneOn: today(), result: '', note: '' }} fields={(form) => (
        <>
          <TextAreaField form={form} name="result" label={s.result} required autoFocus minRows={2} />
          <DateField form={form} name="doneOn" label={s.doneOn} required />
        </>)} />;
    case 'publicised':
      return <ActionModal {...common} schema={PubliciseStep} initial={{ id, to, publicisedOn: today(), note: '' }} fields={(form) => (
        <>
          <DateField form={form} name="publicisedOn" label={s.publicisedOn} required autoFocus />
          <TextField form={form} name="note" label={s.publicisePlace} />
        </>)} />;
    case 'evaluated':
      return <ActionModal {...common} schema={EvaluateStep} initial={{ id, to, rating: null, note: '' }} fields={(form) => (
        <>
          <SelectField form={form} name="rating" label={s.rating} data={options(ratings)} required autoFocus />
          <TextField form={form} name="note" label={s.ratingNote} />
        </>)} />;
  }
}
