import { describe, expect, it } from 'vitest';
import { AUDIT_CHAIN } from '../../db/audit';
import { canonical, chainHash, genesisHash } from '../../db/ledger/canonical';
import { fieldsOf } from '../../db/ledger/chain';
import { POINTS_CHAIN } from '../../db/volunteer/points-chain';

/**
 * Golden vectors for canonical form SDL1 (db/ledger/canonical.ts). These digests are the ones every installed
 * ledger carries: if this test fails, a refactor changed the hash — put it back, or make a new version (SDL2)
 * and keep verifying old entries with SDL1. The canonical texts were checked by hand (byte lengths: a CJK
 * character or full-width mark is 3 bytes in UTF-8) and h1 with `sha256sum` outside the code.
 */

const entry = {
  id: '01J0000000000000000000ENT1', volunteer_id: '01J00000000000000000000VOL', org_id: '01J00000000000000000000ORG',
  on_date: '2025-03-08', year: 2025, quarter: 1, category: 'service', amount: 25, hours_tenths: 25,
  reason: '参加“清理楼道堆物”服务 2.5 小时', source_kind: 'activity', source_id: '01J00000000000000000000ACT',
  rule_id: '01J0000000000000000000RULE', reverses_id: null, operator: '王芳', created_at: '2025-03-08T10:00:00.000Z',
};
const reversal = {
  ...entry, id: '01J0000000000000000000ENT2', amount: -25, hours_tenths: -25, reason: '冲正：工时登记有误',
  reverses_id: entry.id, created_at: '2025-03-09T08:30:00.000Z',
};
const auditRow = {
  id: '01J0000000000000000000AUD1', at: '2025-03-08T10:00:00.000Z', operator: '王芳', action: 'create',
  entity: 'volunteer', entity_id: null, before: null, after: '{"name":"周杰"}',
};

describe('canonical form SDL1: golden vectors', () => {
  it('fixes each chain\'s hash_0', () => {
    expect(genesisHash('points')).toBe('a119ace18735e0fc2617b5fc20cf6e56ce3b907e7041d09eb38a54281711e1da');
    expect(genesisHash('audit')).toBe('ff3e448c2102cdf4e2450b907c54385b6c6a375835c43ebbb99abd674c26b90a');
  });

  it('writes a points entry field by field, length-prefixed, null as ~', () => {
    expect(canonical(fieldsOf(POINTS_CHAIN, entry))).toBe(
      '26:01J0000000000000000000ENT1' + '26:01J00000000000000000000VOL' + '26:01J00000000000000000000ORG' +
        '10:2025-03-08' + '4:2025' + '1:1' + '7:service' + '2:25' + '2:25' + '47:参加“清理楼道堆物”服务 2.5 小时' +
        '8:activity' + '26:01J00000000000000000000ACT' + '26:01J0000000000000000000RULE' + '~' + '6:王芳' +
        '24:2025-03-08T10:00:00.000Z',
    );
    expect(canonical(fieldsOf(POINTS_CHAIN, reversal))).toContain('3:-253:-2527:冲正：工时登记有误');
  });

  it('chains two points entries to pinned digests', () => {
    const h1 = chainHash(genesisHash('points'), fieldsOf(POINTS_CHAIN, entry));
    expect(h1).toBe('14fbae034e489aa805a8f5cd85d89476131181230032a4568a3615c47816a91b');
    expect(chainHash(h1, fieldsOf(POINTS_CHAIN, reversal))).toBe('cde5cb0fe4f96951ceab696948d6ebea3f8acd037227fb9bad25785f49920f02');
  });

  it('chains an audit entry to a pinned digest', () => {
    expect(canonical(fieldsOf(AUDIT_CHAIN, auditRow))).toBe(
      '26:01J0000000000000000000AUD1' + '24:2025-03-08T10:00:00.000Z' + '6:王芳' + '6:create' + '9:volunteer' + '~' + '~' +
        '17:{"name":"周杰"}',
    );
    expect(chainHash(genesisHash('audit'), fieldsOf(AUDIT_CHAIN, auditRow))).toBe('fbcb629facc7607ff35f27317d708f38652205cc406e2f069082264d43867970');
  });

  it('cannot confuse null with empty text, nor shift text across fields', () => {
    const text = (...values: (string | null)[]) => canonical(values.map((value) => ({ kind: 'text' as const, value })));
    expect(text(null)).not.toBe(text(''));
    expect(text('a:1', 'b')).not.toBe(text('a', ':1b'));
    expect(text('~', null)).not.toBe(text(null, '~'));
  });

  it('normalises text to NFC and refuses a value not of its kind', () => {
    expect(canonical([{ kind: 'text', value: 'e\u0301' }])).toBe(canonical([{ kind: 'text', value: '\u00e9' }]));
    expect(() => canonical([{ kind: 'int', value: 2.5 }])).toThrow();
    expect(() => canonical([{ kind: 'int', value: '25' }])).toThrow();
    expect(() => canonical([{ kind: 'date', value: '2025-3-8' }])).toThrow();
  });
});
