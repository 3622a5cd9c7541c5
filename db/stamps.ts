import { nowIso } from './moment';

/** created_at / updated_at / operator for a new row. */
export const newStamps = (operator: string) => {
  const at = nowIso();
  return { created_at: at, updated_at: at, operator };
};
