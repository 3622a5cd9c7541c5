import { formatFen } from '../../../main/api/common/money';
import { permille, permilleText } from '../../../main/api/common/rates';
import { collectionShare, FeeFigures, periodLabel, SaveFees } from '../../../main/api/property/figures';
import { useApiMutation, useApiQuery } from '../api/queries';
import { fmtMoney } from '../components/format';
import { pf } from '../i18n/property-figures';
import { confirmDelete } from '../components/confirmDelete';
import { FigureGrid, type Cells, type GridEstate } from './figures/FigureGrid';
import { FiguresPage, usePeriod } from './figures/FiguresPage';

const f = pf.fees;
const KEYS = ['receivableFen', 'unpaidFen', 'arrearsCollectedFen'] as const;
const columns = KEYS.map((key) => ({ key, title: f.columns[key], width: 130 }));

/** Fen as the clerk edits it: 1,234.56 (the field reads it back exactly). */
const yuanText = (fen: number) => formatFen(fen).replace('¥', '');

const toRow = (estateId: string, c: Cells) => ({ estateId, ...Object.fromEntries(KEYS.map((k) => [k, c[k] ?? ''])) });

function rateOf(c: Cells) {
  const row = FeeFigures.safeParse(toRow('x', c));
  return row.success ? permilleText(permille(collectionShare(row.data))) : '';
}

/** 收费: a quarter's fee collection of every estate in yuan as typed, kept in fen; the street's rate of the sums. */
export function FeesPage() {
  const period = usePeriod();
  const grid = useApiQuery('property.getFeePeriod', { period });
  const save = useApiMutation('property.saveFees', { quiet: true });
  const remove = useApiMutation('property.deleteFee', { quiet: true });
  const d = grid.data;
  return (
    <FiguresPage title={f.title} intro={f.intro} note={f.streetRate} loading={grid.isPending} error={grid.error?.message} empty={d?.estates.length === 0}>
      {(p, openTrend, onDirty) => d && (
        <FigureGrid
          key={p}
          period={p}
          estates={d.estates as GridEstate[]}
          columns={columns}
          cellsOf={(e) => {
            const row = d.estates.find((x) => x.estateId === e.estateId)!.row;
            return row ? Object.fromEntries(KEYS.map((k) => [k, yuanText(row[k])])) : {};
          }}
          blankNew={(c) => KEYS.every((k) => !c[k]?.trim())}
          toRow={toRow}
          schema={SaveFees}
          save={(input) => save.mutateAsync(input as never)}
          computed={[{ title: f.rate, width: 80, render: rateOf }]}
          totals={{
            label: pf.grid.total(d.totals.estates, d.estates.length),
            cells: [fmtMoney(d.totals.receivableFen), fmtMoney(d.totals.unpaidFen), fmtMoney(d.totals.arrearsCollectedFen), permilleText(d.totals.collectionPermille)],
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
