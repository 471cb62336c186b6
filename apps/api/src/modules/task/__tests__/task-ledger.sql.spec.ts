import { Keyset } from '../../../common/keyset-page.js';
import { SORT_KEYS, taskFilterConditions, taskJoins } from '../task-ledger.sql.js';
import { SqlParams } from '../../../common/sql.js';

describe('taskJoins', () => {
  const joinsFor = (filter: Parameters<typeof taskFilterConditions>[0], sort: keyof typeof SORT_KEYS = 'DUE_DATE') =>
    taskJoins(
      taskFilterConditions(filter, new SqlParams()).join(' AND '),
      new Keyset({ keys: SORT_KEYS[sort], id: 't.id', descending: false }).orderBy,
    );

  it('joins nothing for filters and sorts on the task row alone', () => {
    expect(joinsFor({ planId: '0b9f3c2e-8a0e-4d8c-9c55-4a3f1d2b7e10', light: ['RED'], status: ['IN_PROGRESS'] })).toBe(
      '',
    );
    // The visibility rule's sub-select reads `lead.unit_id`, which is not the unit alias.
    expect(taskJoins(`t.tenant_id = $1 AND EXISTS (SELECT 1 FROM task lead WHERE lead.unit_id = $2)`)).toBe('');
  });

  it('joins the unit for the unit sort, the key point for the section filter, both for text and the key point sort', () => {
    expect(joinsFor({}, 'UNIT')).toMatch(/^JOIN unit u ON/);
    // Document order: the key point's number, then within it by unit name.
    const documentOrder = joinsFor({}, 'KEY_POINT');
    expect(documentOrder).toContain('JOIN key_point kp ON');
    expect(documentOrder).toContain('JOIN unit u ON');
    expect(joinsFor({ sectionId: '0b9f3c2e-8a0e-4d8c-9c55-4a3f1d2b7e10' })).toMatch(/^JOIN key_point kp ON/);
    const text = joinsFor({ text: '公开' });
    expect(text).toContain('JOIN unit u ON');
    expect(text).toContain('JOIN key_point kp ON');
  });
});
