import type { ValueQuestion } from './contract';
import type { CellValue, RowValues } from './register';
import { wordKey } from './values';

/**
 * The values of one field a register could not read by name, each asked once for the whole file (所在支部 一支部,
 * on 40 rows, is one question). What to propose is worked out on the value's first row only.
 */
export class ValueQuestions {
  private readonly asked = new Map<string, ValueQuestion>();
  private readonly rowsOf = new Map<string, number>();

  /** `rows`: every row of the pass, to say on how many rows each value stands. */
  constructor(private readonly field: string, rows: readonly RowValues[]) {
    for (const v of rows) {
      const key = keyOf(v[field]);
      if (key) this.rowsOf.set(key, (this.rowsOf.get(key) ?? 0) + 1);
    }
  }

  /** Asks about `value` (again: nothing new). */
  ask(value: string, question: () => Pick<ValueQuestion, 'proposals' | 'answer' | 'reading'>): void {
    const key = wordKey(value);
    if (this.asked.has(key)) return;
    this.asked.set(key, { field: this.field, value, rows: this.rowsOf.get(key) ?? 1, ...question() });
  }

  list(): ValueQuestion[] {
    return [...this.asked.values()];
  }
}

const keyOf = (v: CellValue | undefined) => (v === null || v === undefined ? '' : wordKey(String(v)));
