import type { ApiOutput as Out } from '../api/types';

export type ElevatorView = Out<'elevator.getElevator'>;
export type MaintenanceRow = Out<'elevator.listMaintenance'>['rows'][number];
export type FaultView = Out<'elevator.listFaults'>['rows'][number];
