import { Stack, Table, Text } from '@mantine/core';
import { formatFen } from '../../../../main/api/common/money';
import { householdShares, schemeWeight, type FloorCoefficient, type Scheme } from '../../../../main/api/fund/split';
import { fmtArea } from '../../components/format';
import { fundIncome } from '../../i18n/fund-income';
import { showHundredths } from './FloorCoefficients';
import type { TypedHousehold } from './households';

const c = fundIncome.crowd;

/**
 * 分摊结果: each household's share as the core will compute it (the same split.ts), shown before saving, with the
 * figures it came from and the total, which is the owners' part to the fen. Null owners' part: not computable yet.
 */
export function SharePreview({ ownersPart, scheme, households, coefficients }: {
  ownersPart: number | null; scheme: Scheme; households: TypedHousehold[]; coefficients: FloorCoefficient[];
}) {
  const table = new Map(coefficients.map((f) => [f.floor, f.coefficientHundredths]));
  const computable = ownersPart !== null && households.length > 0 && households.some((h) => schemeWeight(scheme, h, table) > 0);
  if (!computable) return <Text size="sm" c="dimmed">{c.previewWaiting}</Text>;
  const shares = householdShares(ownersPart, scheme, households, coefficients);
  const k = c.previewColumns;
  const showArea = scheme !== 'custom';
  const showFloor = scheme === 'floor_area';
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>{c.preview}</Text>
      <Text size="xs" c="dimmed">{c.previewHint}</Text>
      <Table fz="sm" verticalSpacing={2} aria-label={c.preview}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{k.room}</Table.Th><Table.Th>{k.owner}</Table.Th>
            {showArea && <Table.Th className="num">{k.area}</Table.Th>}
            {showFloor && <><Table.Th className="num">{k.floor}</Table.Th><Table.Th className="num">{k.coefficient}</Table.Th></>}
            {scheme === 'custom' && <Table.Th className="num">{k.weight}</Table.Th>}
            <Table.Th className="num">{k.share}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {households.map((h, i) => (
            <Table.Tr key={i}>
              <Table.Td>{h.room}</Table.Td><Table.Td>{h.ownerName}</Table.Td>
              {showArea && <Table.Td className="num">{fmtArea(h.areaHundredths)}</Table.Td>}
              {showFloor && <><Table.Td className="num">{h.floor}</Table.Td><Table.Td className="num">{h.floor ? showHundredths(table.get(h.floor) ?? 0) : ''}</Table.Td></>}
              {scheme === 'custom' && <Table.Td className="num">{showHundredths(h.weightHundredths ?? 0)}</Table.Td>}
              <Table.Td className="num">{formatFen(shares[i]!)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr fw={600}>
            <Table.Td colSpan={2 + (showArea ? 1 : 0) + (showFloor ? 2 : 0) + (scheme === 'custom' ? 1 : 0)}>{c.previewTotal}</Table.Td>
            <Table.Td className="num">{formatFen(shares.reduce((s, x) => s + x, 0))}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
