import { Badge, Button, Checkbox, Grid, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { ItemInput, ItemUpdate, Restock } from '../../../main/api/volunteer/schemas';
import { tenthsText } from '../../../main/api/volunteer/tenths';
import { useApiMutation, useApiQuery } from '../api/queries';
import { EmptyState } from '../components/EmptyState';
import { fmtInt } from '../components/format';
import { NumberField, TextField } from '../components/fields';
import type { ZodForm } from '../components/useZodForm';
import { vp } from '../i18n/volunteer-points';
import { zh } from '../i18n/zh-CN';
import { ActionModal } from '../components/ActionModal';
import { TenthsField } from '../components/TenthsField';
import { RedeemModal } from './shop/RedeemModal';
import type { ItemRow } from './types';

const s = vp.shop;
const c = s.columns;
type Open = { kind: 'new' } | { kind: 'edit' | 'restock' | 'redeem'; item: ItemRow } | null;

function Redemptions() {
  const list = useApiQuery('volunteer.listRedemptions', { limit: 30 });
  return (
    <Paper withBorder p="sm" h="100%" component="section" aria-label={s.recent}>
      <Title order={5} mb="xs">{s.recent}</Title>
      {list.data?.length === 0 && <Text size="sm" c="dimmed">{s.noRedemptions}</Text>}
      <ScrollArea.Autosize mah={520} viewportProps={{ tabIndex: 0 }}>
        <Stack gap={4}>
          {list.data?.map((r) => (
            <Group key={r.id} justify="space-between" wrap="nowrap" gap="xs" opacity={r.reversed ? 0.5 : 1}>
              <Text size="sm" truncate td={r.reversed ? 'line-through' : undefined}>{`${r.onDate} ${r.name} · ${r.itemName}×${r.quantity}`}</Text>
              <Text size="sm" className="num" c="red.8">{`-${tenthsText(r.points)}`}</Text>
            </Group>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Paper>
  );
}

/** 积分超市: the catalogue with its stock; redeeming takes points and stock in one step, neither below zero. */
export function ShopPage() {
  const items = useApiQuery('volunteer.listItems', { includeRetired: true });
  const create = useApiMutation('volunteer.createItem', { quiet: true });
  const update = useApiMutation('volunteer.updateItem', { quiet: true });
  const restock = useApiMutation('volunteer.restock', { quiet: true });
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const add = <Button leftSection={<IconPlus size={16} />} onClick={() => setOpen({ kind: 'new' })}>{s.add}</Button>;
  const itemFields = (withStock: boolean) => (form: ZodForm) => (
    <>
      <TextField form={form} name="name" label={s.name} required autoFocus />
      <Group grow>
        <TenthsField form={form} name="price" label={s.price} required min={0.1} />
        {withStock && <NumberField form={form} name="stock" label={s.stock} min={0} required />}
        <TextField form={form} name="unit" label={s.unit} required />
      </Group>
      <TextField form={form} name="description" label={s.description} />
      {!withStock && <Checkbox label={s.retire} checked={form.values.retired === true} onChange={(e) => form.set('retired', e.currentTarget.checked)} />}
    </>
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={3}>{s.title}</Title>
          <Text size="xs" c="dimmed">{s.intro}</Text>
        </Group>
        {add}
      </Group>
      <Grid gap="sm">
        <Grid.Col span={8}>
          <Paper withBorder>
            {items.data?.length === 0 ? <EmptyState title={s.empty} actions={add} /> : (
              <Table striped fz="sm" verticalSpacing={6}>
                <Table.Thead>
                  <Table.Tr>{[c.name, c.price, c.stock, c.redeemed, c.action].map((h, i) => <Table.Th key={i} ta={i > 0 && i < 4 ? 'right' : undefined}>{h}</Table.Th>)}</Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.data?.map((it) => (
                    <Table.Tr key={it.id} opacity={it.status === 'retired' ? 0.55 : 1} data-testid={`item-${it.name}`}>
                      <Table.Td>{it.name}{it.status === 'retired' && <Badge ml={6} size="xs" color="gray">{s.retired}</Badge>}</Table.Td>
                      <Table.Td ta="right" className="num">{tenthsText(it.price)}</Table.Td>
                      <Table.Td ta="right" className="num" c={it.stock === 0 ? 'red' : undefined}>{`${fmtInt(it.stock)}${it.unit}`}</Table.Td>
                      <Table.Td ta="right" className="num">{fmtInt(it.redeemed)}</Table.Td>
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Button size="compact-xs" disabled={it.stock === 0 || it.status === 'retired'} onClick={() => setOpen({ kind: 'redeem', item: it })}>{s.redeem}</Button>
                          <Button size="compact-xs" variant="default" onClick={() => setOpen({ kind: 'restock', item: it })}>{s.restock}</Button>
                          <Button size="compact-xs" variant="subtle" onClick={() => setOpen({ kind: 'edit', item: it })}>{s.edit}</Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={4}><Redemptions /></Grid.Col>
      </Grid>
      {open?.kind === 'redeem' && <RedeemModal item={open.item} onClose={close} />}
      {open?.kind === 'new' && (
        <ActionModal title={s.itemTitle} intro="" schema={ItemInput} initial={{ name: '', price: null, stock: 0, unit: '件', description: '' }}
          confirmLabel={s.add} fields={itemFields(true)} onSubmit={(parsed) => create.mutateAsync(parsed)} onClose={close} />
      )}
      {open?.kind === 'edit' && (
        <ActionModal title={s.itemEdit(open.item.name)} intro="" schema={ItemUpdate} confirmLabel={zh.common.save} fields={itemFields(false)}
          initial={{ id: open.item.id, name: open.item.name, price: open.item.price, unit: open.item.unit, description: open.item.description ?? '', retired: open.item.status === 'retired' }}
          onSubmit={(parsed) => update.mutateAsync(parsed)} onClose={close} />
      )}
      {open?.kind === 'restock' && (
        <ActionModal title={s.restockTitle(open.item.name)} intro={s.restockIntro(open.item.stock, open.item.unit)} schema={Restock}
          initial={{ id: open.item.id, delta: null, note: '' }} confirmLabel={s.restock}
          fields={(form) => (
            <>
              <NumberField form={form} name="delta" label={s.delta} required autoFocus />
              <TextField form={form} name="note" label={s.note} />
            </>
          )}
          onSubmit={(parsed) => restock.mutateAsync(parsed)} onClose={close} />
      )}
    </Stack>
  );
}
