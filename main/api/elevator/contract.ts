import type { ElevatorRow, FaultRow, MaintenanceRow } from '../../../db/elevator/types';
import { read, write } from '../common/channel';
import type { Page } from '../common/fields';
import type { ElevatorSettings, ElevatorWarning, RegCodeWarning } from './rules';
import {
  byId,
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

  'elevator.listFaults': read<Page<FaultView>>()(FaultList),
  'elevator.createFault': write<FaultView>()(FaultInput),
  'elevator.updateFault': write<FaultView>()(FaultUpdate),
  'elevator.deleteFault': write<null>()(byId),

  'elevator.getTodos': read<ElevatorTodos>()(z.object({})),
};
