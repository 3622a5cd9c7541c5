import { MultiSelect, Select } from '@mantine/core';
import { BuildingCardsInput } from '../../../../main/api/requests/schemas';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { ActionModal } from '../../components/ActionModal';
import { pdfModalActions } from '../../components/PdfButtons';
import { rq } from '../../i18n/requests';
import { usePlaceOptions } from '../usePlaceOptions';

const c = rq.cards;

/** 楼栋公示卡: the buildings to print, picked one by one or a grid's at once; the core draws one page per building. */
export function CardsModal({ buildingIds, onClose }: { buildingIds: string[]; onClose: () => void }) {
  const places = usePlaceOptions();
  const grids = useApiQuery('requests.listGrids', {});
  const print = useApiMutation('requests.printBuildingCards', { quiet: true });
  return (
    <ActionModal title={c.title} intro={c.intro} schema={BuildingCardsInput} initial={{ buildingIds }} confirmLabel={c.confirm}
      fields={(form) => (
        <>
          <Select label={c.grid} placeholder={c.gridPlaceholder} searchable clearable value={null}
            data={(grids.data ?? []).map((g) => ({ value: g.id, label: `${g.communityName} ${g.name}` }))}
            onChange={(id) => {
              const grid = grids.data?.find((g) => g.id === id);
              if (grid) form.set('buildingIds', [...new Set([...((form.values.buildingIds as string[]) ?? []), ...grid.buildings.map((b) => b.id)])]);
            }} />
          <MultiSelect label={c.buildings} required data={places.buildings} value={(form.values.buildingIds as string[] | undefined) ?? []} searchable clearable
            error={form.errors.buildingIds} onChange={(v) => form.set('buildingIds', v)} data-autofocus nothingFoundMessage="没有匹配的楼栋" />
        </>
      )}
      {...pdfModalActions(print.mutateAsync, c.done)}
      onClose={onClose} />
  );
}
