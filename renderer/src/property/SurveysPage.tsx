import { permille, permilleText } from '../../../main/api/common/rates';
import { coverageShare, periodLabel, satisfactionShare, SaveSurveys, SurveyFigures } from '../../../main/api/property/figures';
import { useApiMutation, useApiQuery } from '../api/queries';
import { fmtInt } from '../components/format';
import { pf } from '../i18n/property-figures';
import { confirmDelete } from '../components/confirmDelete';
import { FigureGrid, type Cells, type GridEstate } from './figures/FigureGrid';
import { FiguresPage, usePeriod } from './figures/FiguresPage';

const s = pf.surveys;
const KEYS = ['households', 'sampleSize', 'reached', 'satisfied', 'mostlySatisfied', 'unsatisfied'] as const;
const columns = KEYS.map((key) => ({ key, title: s.columns[key], width: 84 }));

/** A count as typed: digits (full-width too) become a number; anything else goes to the schema to be named. */
const countOf = (text: string): number | string | undefined => {
  const t = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[,\s]/g, '');
  return t === '' ? undefined : /^\d+$/.test(t) ? Number(t) : Number.isNaN(Number(t)) ? t : Number(t);
};

const toRow = (estateId: string, c: Cells) => ({ estateId, ...Object.fromEntries(KEYS.map((k) => [k, countOf(c[k] ?? '')])) });

/** A row's rates as typed, once its counts hold together. */
function rateOf(c: Cells, share: typeof satisfactionShare | typeof coverageShare) {
  const row = SurveyFigures.safeParse(toRow('x', c));
  return row.success ? permilleText(permille(share(row.data))) : '';
}

/** 满意度: a quarter's surveys of every estate, typed as a sheet, with the street's rate of the sums. */
export function SurveysPage() {
  const period = usePeriod();
  const grid = useApiQuery('property.getSurveyPeriod', { period });
  const save = useApiMutation('property.saveSurveys', { quiet: true });
  const remove = useApiMutation('property.deleteSurvey', { quiet: true });
  const d = grid.data;
  return (
    <FiguresPage title={s.title} intro={s.intro} note={s.standard} loading={grid.isPending} error={grid.error?.message} empty={d?.estates.length === 0}>
      {(p, openTrend, onDirty) => d && (
        <FigureGrid
          key={p}
          period={p}
          estates={d.estates as GridEstate[]}
          columns={columns}
          cellsOf={(e) => {
            const row = d.estates.find((x) => x.estateId === e.estateId)!.row;
            if (!row) return { households: e.households ? String(e.households) : '' };
            return Object.fromEntries(KEYS.map((k) => [k, String(row[k])]));
          }}
          blankNew={(c) => KEYS.every((k) => k === 'households' || !c[k]?.trim())}
          toRow={toRow}
          schema={SaveSurveys}
          save={(input) => save.mutateAsync(input as never)}
          computed={[
            { title: s.rate, width: 76, render: (c) => rateOf(c, satisfactionShare) },
            { title: s.coverage, width: 76, render: (c) => rateOf(c, coverageShare) },
          ]}
          totals={{
            label: pf.grid.total(d.totals.estates, d.estates.length),
            cells: [
              fmtInt(d.totals.households), '', fmtInt(d.totals.reached), fmtInt(d.totals.satisfied), fmtInt(d.totals.mostlySatisfied),
              fmtInt(d.totals.reached - d.totals.satisfied - d.totals.mostlySatisfied),
              permilleText(d.totals.satisfactionPermille), permilleText(d.totals.coveragePermille),
            ],
          }}
          onTrend={openTrend}
          onDirty={onDirty}
          onDelete={(e, done) => confirmDelete({
            title: pf.grid.deleteTitle,
            body: pf.grid.deleteBody(e.estateName, periodLabel(p)),
            confirm: pf.grid.delete,
            run: () => remove.mutateAsync({ id: e.row!.id }),
            done: pf.grid.deleted,
            onDone: done,
          })}
        />
      )}
    </FiguresPage>
  );
}
