import { describe, expect, it } from 'vitest';
import { draftHash, fundChainSpec } from '../../db/fund/chain';
import { canonical, chainHash, genesisHash } from '../../db/ledger/canonical';
import { fieldsOf } from '../../db/ledger/chain';

/**
 * Golden vectors for a fund entry in canonical form SDL1 (db/fund/chain.ts, docs/fund.md). Every installed fund
 * journal carries these digests: if this fails, a refactor changed the hash — put it back, or make a new version.
 * The canonical text was checked by hand (a CJK character is 3 bytes in UTF-8) and the digests with `sha256sum`
 * outside the code: printf 'SDL1' ‖ hash_0 as bytes ‖ the text.
 */

const ACCOUNT = '01J0000000000000000000ACC1';
const signoff = (side: string, id: string, name: string, at: string) => ({
  [`${side}_signer_id`]: id, [`${side}_signer_name`]: name, [`${side}_signed_at`]: at, [`${side}_approved_hash`]: 'a'.repeat(64),
});
const expense = {
  id: '01J0000000000000000000ENT1', account_id: ACCOUNT, on_date: '2026-03-20', direction: 'expense', category: 'inspection',
  amount: 45000, counterparty: '市特种设备检测院', voucher_no: '记-2026-03-017', purpose: '3号楼1单元电梯年检',
  elevators: '["01J00000000000000000000EL1"]', attachments: '[]', reverses_id: null, override_reason: null,
  opening_balance: 1000000, opened_on: '2026-01-01',
  ...signoff('company', '01J0000000000000000000SGC1', '刘经理', '2026-03-20T02:00:00.000Z'),
  ...signoff('committee', '01J0000000000000000000SGM1', '陈主任', '2026-03-20T03:00:00.000Z'),
  operator: '王芳', created_at: '2026-03-20T01:00:00.000Z', posted_by: '王芳', posted_at: '2026-03-20T03:05:00.000Z',
};
const spec = fundChainSpec(ACCOUNT, '阳光小区电梯维保基金');
const CONTENT = '26:01J0000000000000000000ENT1' + `26:${ACCOUNT}` + '10:2026-03-20' + '7:expense' + '10:inspection' + '5:45000' +
  '24:市特种设备检测院' + '15:记-2026-03-017' + '26:3号楼1单元电梯年检' + '30:["01J00000000000000000000EL1"]' + '2:[]' + '~' + '~';

describe('a fund entry in canonical form SDL1: golden vectors', () => {
  it('names each account\'s chain and fixes its hash_0', () => {
    expect(spec.name).toBe(`fund:${ACCOUNT}`);
    expect(genesisHash(spec.name)).toBe('4acb53edddb302a183af8a54f400418835cbdf48e17bd656988b886a5d48e595');
  });

  it('writes content, opening, both sign-offs and the posting, in that order', () => {
    expect(canonical(fieldsOf(spec, expense))).toBe(
      CONTENT + '7:1000000' + '10:2026-01-01' +
        '26:01J0000000000000000000SGC1' + '9:刘经理' + '24:2026-03-20T02:00:00.000Z' + `64:${'a'.repeat(64)}` +
        '26:01J0000000000000000000SGM1' + '9:陈主任' + '24:2026-03-20T03:00:00.000Z' + `64:${'a'.repeat(64)}` +
        '6:王芳' + '24:2026-03-20T01:00:00.000Z' + '6:王芳' + '24:2026-03-20T03:05:00.000Z',
    );
  });

  it('chains the entry to a pinned digest, and its draft hashes to a pinned digest', () => {
    expect(chainHash(genesisHash(spec.name), fieldsOf(spec, expense))).toBe('0035f21891aab9be038d00df6b3633a12c3da9d2003bda2fafa84a2535ddcf40');
    expect(draftHash(expense)).toBe('704f0fce7116fa0fefb9c6a4e37cde19a54703008b70e54ac10d0d5d9569d805');
  });

  it('a reversal differs from its original by the sign and the pointer', () => {
    const reversal = { ...expense, id: '01J0000000000000000000ENT2', amount: -45000, reverses_id: expense.id };
    expect(canonical(fieldsOf(spec, reversal))).toContain(`6:-45000`);
    expect(canonical(fieldsOf(spec, reversal))).toContain(`2:[]26:${expense.id}~`);
  });
});
