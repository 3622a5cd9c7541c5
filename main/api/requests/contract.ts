import type { GridRow, RequestRow, StepRow } from '../../../db/requests/types';
import { read, write } from '../common/channel';
import type { Page } from '../common/fields';
import type { RequestSettings, RequestState } from './rules';
import { byId, GridInput, GridList, GridUpdate, ReportInput, RequestList, RequestSettingsInput, StepInput } from './schemas';
import { z } from 'zod';

/** A grid with its households held against the street's target. */
export interface GridView extends GridRow {
  householdsWarning: string | null;
}

/** A request as every answer shows it: the reporter masked (张**, 138****5678), its deadline held against today. */
export interface RequestView extends RequestRow {
  overdue: boolean;
  /** The steps the table allows from here (the drawer offers only these). */
  nextSteps: RequestState[];
}

export interface RequestDetail extends RequestView {
  steps: StepRow[];
}

export interface RequestTodos {
  awaitingSorting: number;
  overdue: number;
}

export const requestsContract = {
  'requests.getSettings': read<RequestSettings>()(z.object({})),
  'requests.updateSettings': write<RequestSettings>()(RequestSettingsInput),

  'requests.listGrids': read<GridView[]>()(GridList),
  'requests.createGrid': write<GridView>()(GridInput),
  'requests.updateGrid': write<GridView>()(GridUpdate),
  'requests.deleteGrid': write<null>()(byId),

  'requests.listRequests': read<Page<RequestView>>()(RequestList),
  'requests.getRequest': read<RequestDetail>()(byId),
  'requests.report': write<RequestDetail>()(ReportInput),
  'requests.step': write<RequestDetail>()(StepInput),

  'requests.getTodos': read<RequestTodos>()(z.object({})),
};
