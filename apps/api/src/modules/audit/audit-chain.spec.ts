import { chainMac, rowMac, type ChainedRecord } from './audit-chain.js';

const KEY = 'k'.repeat(32);
const record: ChainedRecord = {
  tenantId: '00000000-0000-4000-8000-000000000001',
  seq: null,
  atMicros: '1765000000000000',
  actorId: null,
  entityType: 'report',
  entityId: '00000000-0000-4000-8000-000000000002',
  action: 'report.submit',
  result: 'success',
  ip: '10.0.0.1',
  userAgent: 'UA',
  before: null,
  after: { b: 1, a: [1, 'x'] },
  note: null,
};

describe('audit MACs', () => {
  it('gives a record the same row MAC before and after its seal, and a different one for any change of content', () => {
    expect(rowMac(KEY, { ...record, seq: 7 })).toBe(rowMac(KEY, record));
    // jsonb hands objects back with their keys sorted: the MAC does not depend on key order.
    expect(rowMac(KEY, { ...record, after: { a: [1, 'x'], b: 1 } })).toBe(rowMac(KEY, record));
    for (const changed of [{ ip: '10.0.0.2' }, { after: { b: 2, a: [1, 'x'] } }, { atMicros: '1765000000000001' }])
      expect(rowMac(KEY, { ...record, ...changed })).not.toBe(rowMac(KEY, record));
    expect(rowMac('x'.repeat(32), record)).not.toBe(rowMac(KEY, record));
  });

  it('chains on the number and the previous MAC, and never equals the row MAC', () => {
    const sealed = { ...record, seq: 1 };
    const first = chainMac(KEY, null, sealed);
    expect(first).not.toBe(rowMac(KEY, sealed));
    expect(chainMac(KEY, null, { ...record, seq: 2 })).not.toBe(first);
    expect(chainMac(KEY, first, { ...sealed, seq: 2 })).not.toBe(chainMac(KEY, null, { ...sealed, seq: 2 }));
  });
});
