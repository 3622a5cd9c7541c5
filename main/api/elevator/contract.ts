import type { ElevatorRow, FaultRow, MaintenanceRow, StreetChecklistItem, StreetChecklistItemUse } from '../../../db/elevator/types';
import { read, write } from '../common/channel';
import type { Page } from '../common/fields';
import type { ElevatorSettings, ElevatorWarning, RegCodeWarning } from './rules';
import {
  AddChecklistItem,
  byId,
  DeleteChecklistItem,
  ElevatorInput,
  ElevatorList,
  ElevatorSettingsInput,
  ElevatorUpdate,
  FaultInput,
  FaultList,
  FaultUpdate,
  MaintenanceInput,
  MaintenanceList,
  MaintenanceUpdate,
  RetireChecklistItem,
} from './schemas';
import { z } from 'zod';

/** An elevator with what follows on today: its warnings, and what the soft check of its 注册代码 says. */
export interface ElevatorView extends ElevatorRow {
  warnings: ElevatorWarning[];
  regCodeWarnings: RegCodeWarning[];
}

/** A fault with its response time held against the street's limit. */
export interface FaultView extends FaultRow {
  limitMinutes: number;
  slow: boolean;
}

export interface ElevatorTodos {
  /** Elevators in service whose routine maintenance is overdue. */
  maintenanceOverdue: number;
  /** Elevators in service whose next inspection falls within the warning window or has passed. */
  inspectionDue: number;
  /** Entrapments this year whose rescuers arrived later than the limit. */
  slowRescues: number;
  limitMinutes: number;
  inspectionWarnDays: number;
}

/**
 * This year's entrapments (困人) and how fast they were answered: how many, the share whose rescuers arrived within
 * the limit (tenths of a percent, rounded down), and the medians of arrival − alarm and release − alarm in tenths of a
 * minute (null when there were none). From SQL over the entrapments' index (db/elevator/faults.ts).
 */
export interface EntrapmentTimes {
  from: string;
  to: string;
  entrapments: number;
  withinLimit: number;
  withinPermille: number | null;
  medianArrivalTenths: number | null;
  medianReleaseTenths: number | null;
  limitMinutes: number;
}

export const elevatorContract = {
  'elevator.getSettings': read<ElevatorSettings>()(z.object({})),
  'elevator.updateSettings': write<ElevatorSettings>()(ElevatorSettingsInput, { needs: 'admin' }),

  'elevator.listElevators': read<Page<ElevatorView>>()(ElevatorList),
  'elevator.getElevator': read<ElevatorView>()(byId),
  'elevator.createElevator': write<ElevatorView>()(ElevatorInput),
  'elevator.updateElevator': write<ElevatorView>()(ElevatorUpdate),
  'elevator.deleteElevator': write<null>()(byId),

  'elevator.listMaintenance': read<Page<MaintenanceRow>>()(MaintenanceList),
  'elevator.createMaintenance': write<MaintenanceRow>()(MaintenanceInput),
  'elevator.updateMaintenance': write<MaintenanceRow>()(MaintenanceUpdate),
  'elevator.deleteMaintenance': write<null>()(byId),
  /** The street's half-yearly and yearly items (TSG T5002 A3, A4): read by every maintenance form, edited in 设置. */
  'elevator.listChecklistItems': read<StreetChecklistItem[]>()(z.object({})),
  /** The same with how many records ticked each (one pass over every record): 设置 only. */
  'elevator.listChecklistItemUse': read<StreetChecklistItemUse[]>()(z.object({})),
  'elevator.addChecklistItem': write<StreetChecklistItemUse[]>()(AddChecklistItem, { needs: 'admin' }),
  'elevator.retireChecklistItem': write<StreetChecklistItemUse[]>()(RetireChecklistItem, { needs: 'admin' }),
  'elevator.deleteChecklistItem': write<StreetChecklistItemUse[]>()(DeleteChecklistItem, { needs: 'admin' }),

  'elevator.listFaults': read<Page<FaultView>>()(FaultList),
  'elevator.getEntrapmentTimes': read<EntrapmentTimes>()(z.object({})),
  'elevator.createFault': write<FaultView>()(FaultInput),
  'elevator.updateFault': write<FaultView>()(FaultUpdate),
  'elevator.deleteFault': write<null>()(byId),

  'elevator.getTodos': read<ElevatorTodos>()(z.object({})),
};
