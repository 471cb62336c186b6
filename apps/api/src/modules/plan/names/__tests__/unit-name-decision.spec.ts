import { applyNameDecision, decidedUnitIds, type NamedUnitRow } from '../unit-name-decision.js';

const row = (id: string, role: 'LEAD' | 'RESPONSIBLE', rawName: string, unitId: string | null): NamedUnitRow => ({
  id,
  role,
  rawName,
  unitId,
});
const directory = [
  { id: 'fin', kind: 'DEPARTMENT' },
  { id: 'edu', kind: 'DEPARTMENT' },
  { id: 'km', kind: 'CITY_GOV' },
  { id: 'qj', kind: 'CITY_GOV' },
];

describe('decidedUnitIds', () => {
  it('a kind stands for its units in today’s directory', () => {
    expect(decidedUnitIds({ action: 'KIND', kind: 'CITY_GOV', unitIds: [] }, directory)).toEqual(['km', 'qj']);
  });
  it('chosen units that are gone are skipped; none left means undecided', () => {
    expect(decidedUnitIds({ action: 'UNITS', kind: null, unitIds: ['gone', 'edu'] }, directory)).toEqual(['edu']);
    expect(decidedUnitIds({ action: 'UNITS', kind: null, unitIds: ['gone'] }, directory)).toBeNull();
    expect(decidedUnitIds({ action: 'KIND', kind: 'TOWN', unitIds: [] }, directory)).toBeNull();
  });
  it('drop stands for no unit at all', () => {
    expect(decidedUnitIds({ action: 'DROP', kind: null, unitIds: [] }, directory)).toEqual([]);
  });
});

describe('applyNameDecision', () => {
  const byName = (name: string) => (r: NamedUnitRow) => r.rawName === name;

  it('replaces the name in place by one row per unit, keeping its role and the other rows’ order', () => {
    const rows = [
      row('1', 'LEAD', '省财政厅', 'fin'),
      row('2', 'RESPONSIBLE', '各州市人民政府', null),
      row('3', 'RESPONSIBLE', '省教育厅', 'edu'),
    ];
    const { rows: out, removed } = applyNameDecision(rows, byName('各州市人民政府'), ['km', 'qj']);
    expect(out.map((r) => [r.id, r.role, r.rawName, r.unitId])).toEqual([
      ['1', 'LEAD', '省财政厅', 'fin'],
      [null, 'RESPONSIBLE', '各州市人民政府', 'km'],
      [null, 'RESPONSIBLE', '各州市人民政府', 'qj'],
      ['3', 'RESPONSIBLE', '省教育厅', 'edu'],
    ]);
    expect(removed.map((r) => r.id)).toEqual(['2']);
  });

  it('the decided units keep the clause that named the unit once for many key points', () => {
    const implied = {
      ...row('2', 'RESPONSIBLE', '各州市人民政府', null),
      impliedFrom: '各州市人民政府均为责任单位，以下不再列出',
    };
    const { rows: out } = applyNameDecision([row('1', 'LEAD', '省财政厅', 'fin'), implied], byName('各州市人民政府'), [
      'km',
      'qj',
    ]);
    expect(out.map((r) => [r.unitId, r.impliedFrom ?? null])).toEqual([
      ['fin', null],
      ['km', '各州市人民政府均为责任单位，以下不再列出'],
      ['qj', '各州市人民政府均为责任单位，以下不再列出'],
    ]);
  });

  it('a unit already named keeps one row; lead wins', () => {
    const rows = [row('1', 'RESPONSIBLE', '省财政厅', 'fin'), row('2', 'LEAD', '省直有关部门', null)];
    const { rows: out } = applyNameDecision(rows, byName('省直有关部门'), ['fin', 'edu']);
    expect(out.map((r) => [r.id, r.role, r.unitId])).toEqual([
      ['1', 'LEAD', 'fin'],
      [null, 'LEAD', 'edu'],
    ]);
  });

  it('dropping removes every row of the name', () => {
    const rows = [
      row('1', 'LEAD', '即时比分', null),
      row('2', 'RESPONSIBLE', '省教育厅', 'edu'),
      row('3', 'RESPONSIBLE', '即时比分', null),
    ];
    const { rows: out, removed } = applyNameDecision(rows, byName('即时比分'), []);
    expect(out.map((r) => r.id)).toEqual(['2']);
    expect(removed).toHaveLength(2);
  });

  it('re-deciding a resolved group name replaces all of its rows', () => {
    const rows = [row('1', 'RESPONSIBLE', '各市政府', 'km'), row('2', 'RESPONSIBLE', '各市政府', 'qj')];
    const { rows: out } = applyNameDecision(rows, byName('各市政府'), ['qj']);
    expect(out.map((r) => [r.id, r.unitId])).toEqual([[null, 'qj']]);
  });

  it('leaves a key point without the name alone', () => {
    const rows = [row('1', 'LEAD', '省财政厅', 'fin')];
    expect(applyNameDecision(rows, byName('各州市人民政府'), ['km']).removed).toEqual([]);
  });
});
