import type { Db as Database } from '../driver/types';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
