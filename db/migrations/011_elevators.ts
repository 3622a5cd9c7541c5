import type { Migration } from './types';

const stamps = `
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL`;

/** What counts as routine maintenance (main/api/elevator/labels.ts, maintenanceKinds): the levels of TSG T5002 and 按需. */
const ROUTINE = `'half_monthly', 'quarterly', 'half_yearly', 'yearly', 'on_demand'`;
const KINDS = `${ROUTINE}, 'repair', 'self_inspection', 'periodic_inspection'`;

/** The day of an elevator's last signed-off routine record, recomputed from the records (any writer keeps it right). */
const lastRoutine = (elevatorId: string) => `
  UPDATE elevators SET last_routine_on = (
    SELECT MAX(done_on) FROM elevator_maintenance
    WHERE elevator_id = ${elevatorId} AND kind IN (${ROUTINE}) AND signed_on IS NOT NULL)
  WHERE id = ${elevatorId};`;

/**
 * The elevator register (issue 11, docs/elevator.md): elevators per building and unit of an estate, their
 * maintenance records (TSG T5002 levels, repairs, self-inspections, periodic inspections) signed off by the estate's
 * safety manager, and faults and entrapments (困人) with their alarm, arrival and release times.
 *
 * - 注册代码 has no check digit, so it is checked softly in the app and stored as typed (normalised); it is unique.
 * - `last_routine_on` is kept by triggers from the signed-off routine records, and `routine_due_on` follows from it
 *   and the elevator's interval: the street-wide overdue list reads it through an index. No record yet: '' (due).
 * - Fault times are wall times (YYYY-MM-DD HH:MM) in the installation's time zone, as the rescue sheet has them;
 *   `response_minutes` is arrival − alarm.
 * - Contract price per month is integer fen.
 */
export const elevators: Migration = {
  version: 11,
  name: 'elevators',
  up(db) {
    db.exec(`
      CREATE TABLE elevators (
        id                 TEXT PRIMARY KEY,
        estate_id          TEXT NOT NULL REFERENCES places (id),
        building_id        TEXT NOT NULL REFERENCES places (id),
        unit_no            INTEGER CHECK (unit_no BETWEEN 1 AND 99),
        car_label          TEXT,
        reg_code           TEXT NOT NULL UNIQUE CHECK (length(reg_code) BETWEEN 1 AND 40),
        device_code        TEXT,
        use_cert_no        TEXT,
        rescue_phone       TEXT,
        make               TEXT,
        model              TEXT,
        type               TEXT NOT NULL CHECK (type IN ('passenger', 'freight', 'hydraulic', 'escalator', 'dumbwaiter', 'other')),
        floors             INTEGER CHECK (floors BETWEEN 2 AND 200),
        speed_cms          INTEGER CHECK (speed_cms BETWEEN 1 AND 2000),
        installed_on       TEXT,
        maintainer         TEXT,
        maintainer_phone   TEXT,
        contract_fen_month INTEGER CHECK (contract_fen_month >= 0),
        contract_starts_on TEXT,
        contract_ends_on   TEXT,
        status             TEXT NOT NULL CHECK (status IN ('in_service', 'stopped', 'retired')),
        next_inspection_on TEXT,
        interval_days      INTEGER NOT NULL DEFAULT 15 CHECK (interval_days BETWEEN 1 AND 90),
        last_routine_on    TEXT,
        routine_due_on     TEXT GENERATED ALWAYS AS (COALESCE(date(last_routine_on, '+' || interval_days || ' days'), '')) STORED,
        note               TEXT,
        ${stamps},
        CHECK (contract_ends_on IS NULL OR contract_starts_on IS NULL OR contract_ends_on >= contract_starts_on)
      ) STRICT;
      CREATE INDEX elevators_estate ON elevators (estate_id, building_id, unit_no);
      -- The street-wide lists: elevators in service by when routine maintenance falls due, and by next inspection.
      CREATE INDEX elevators_routine_due ON elevators (routine_due_on) WHERE status = 'in_service';
      CREATE INDEX elevators_inspection ON elevators (next_inspection_on) WHERE status = 'in_service';

      -- A CHECK cannot look at another table: the estate is an estate and the building one of its buildings.
      CREATE TRIGGER elevators_place_insert BEFORE INSERT ON elevators
      WHEN (SELECT kind FROM places WHERE id = NEW.estate_id) IS NOT 'estate'
        OR (SELECT kind || ':' || parent_id FROM places WHERE id = NEW.building_id) IS NOT 'building:' || NEW.estate_id
      BEGIN SELECT RAISE(ABORT, '电梯应登记在小区的楼栋上'); END;
      CREATE TRIGGER elevators_place_update BEFORE UPDATE OF estate_id, building_id ON elevators
      WHEN (SELECT kind FROM places WHERE id = NEW.estate_id) IS NOT 'estate'
        OR (SELECT kind || ':' || parent_id FROM places WHERE id = NEW.building_id) IS NOT 'building:' || NEW.estate_id
      BEGIN SELECT RAISE(ABORT, '电梯应登记在小区的楼栋上'); END;

      CREATE TABLE elevator_maintenance (
        id                 TEXT PRIMARY KEY,
        elevator_id        TEXT NOT NULL REFERENCES elevators (id),
        done_on            TEXT NOT NULL,
        kind               TEXT NOT NULL CHECK (kind IN (${KINDS})),
        result             TEXT CHECK (result IN ('pass', 'pass_after_fix', 'fail')),
        next_inspection_on TEXT,
        company            TEXT NOT NULL,
        worker1            TEXT NOT NULL,
        worker2            TEXT,
        items              TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(items) AND json_type(items) = 'array'),
        findings           TEXT,
        parts_replaced     TEXT,
        signed_by          TEXT,
        signed_on          TEXT,
        ${stamps},
        CHECK ((signed_by IS NULL) = (signed_on IS NULL)),
        CHECK (signed_on IS NULL OR signed_on >= done_on),
        CHECK ((kind = 'periodic_inspection') = (result IS NOT NULL)),
        CHECK (next_inspection_on IS NULL OR (kind = 'periodic_inspection' AND next_inspection_on > done_on)),
        CHECK (kind NOT IN (${ROUTINE}) OR worker2 IS NOT NULL)
      ) STRICT;
      CREATE INDEX elevator_maintenance_elevator ON elevator_maintenance (elevator_id, kind, done_on);
      CREATE INDEX elevator_maintenance_history ON elevator_maintenance (elevator_id, done_on);

      CREATE TRIGGER elevator_maintenance_after_insert AFTER INSERT ON elevator_maintenance
      BEGIN ${lastRoutine('NEW.elevator_id')} END;
      CREATE TRIGGER elevator_maintenance_after_update AFTER UPDATE ON elevator_maintenance
      BEGIN ${lastRoutine('OLD.elevator_id')} ${lastRoutine('NEW.elevator_id')} END;
      CREATE TRIGGER elevator_maintenance_after_delete AFTER DELETE ON elevator_maintenance
      BEGIN ${lastRoutine('OLD.elevator_id')} END;

      CREATE TABLE elevator_faults (
        id               TEXT PRIMARY KEY,
        elevator_id      TEXT NOT NULL REFERENCES elevators (id),
        alarm_at         TEXT NOT NULL CHECK (alarm_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]'),
        arrived_at       TEXT NOT NULL CHECK (arrived_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]'),
        released_at      TEXT CHECK (released_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]'),
        people_trapped   INTEGER NOT NULL CHECK (people_trapped BETWEEN 0 AND 100),
        cause            TEXT NOT NULL CHECK (cause IN ('door', 'human', 'power', 'control_circuit', 'other')),
        rescuer          TEXT NOT NULL,
        response_minutes INTEGER GENERATED ALWAYS AS (CAST(round((julianday(arrived_at) - julianday(alarm_at)) * 1440) AS INTEGER)) STORED,
        note             TEXT,
        ${stamps},
        CHECK (arrived_at >= alarm_at),
        CHECK (released_at IS NULL OR released_at >= arrived_at),
        CHECK (people_trapped = 0 OR released_at IS NOT NULL)
      ) STRICT;
      CREATE INDEX elevator_faults_elevator ON elevator_faults (elevator_id, alarm_at);
      -- Entrapments across the street by alarm time (this year's, the slow rescues).
      CREATE INDEX elevator_faults_entrapments ON elevator_faults (alarm_at) WHERE people_trapped > 0;
    `);
  },
};
