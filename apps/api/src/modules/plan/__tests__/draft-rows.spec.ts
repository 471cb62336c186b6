import type { ParsedItem, ParsedPlan, UnitDirectory } from '@duban/plan-parser';
import { draftRows } from '../draft-rows.js';
import { proposedUnits } from '../proposed-units.js';

const directory: UnitDirectory = {
  units: [
    { id: 'ndrc', name: '省发展改革委', aliases: ['省发改委'], kind: 'department' },
    { id: 'finance', name: '省财政厅', kind: 'department' },
    { id: 'office', name: '省政府办公厅', kind: 'office' },
    { id: 'sy', name: '沈阳市人民政府', aliases: ['沈阳市政府'], kind: 'city' },
    { id: 'dl', name: '大连市人民政府', aliases: ['大连市政府'], kind: 'city' },
    { id: 'a1', name: '省数据局', aliases: ['数据局'], kind: 'department' },
    { id: 'a2', name: '市数据局', aliases: ['数据局'], kind: 'department' },
  ],
};

const item = (over: Partial<ParsedItem>): ParsedItem => ({
  seq: 1,
  section: '一',
  label: '1.',
  title: '标题',
  text: '内容',
  leadUnits: [],
  responsibleUnits: [],
  unitsOpenEnded: false,
  deadlines: [],
  ...over,
});

describe('proposedUnits', () => {
  it('expands a group to one row per member under the group name, without repeating a named lead', () => {
    const { units, warnings } = proposedUnits(
      item({ leadUnits: ['省发改委', '省政府办公厅'], responsibleUnits: ['各市政府', '省政府有关部门'] }),
      directory,
    );
    expect(units).toEqual([
      { role: 'LEAD', rawName: '省发改委', unitId: 'ndrc' },
      { role: 'LEAD', rawName: '省政府办公厅', unitId: 'office' },
      { role: 'RESPONSIBLE', rawName: '各市政府', unitId: 'sy' },
      { role: 'RESPONSIBLE', rawName: '各市政府', unitId: 'dl' },
      { role: 'RESPONSIBLE', rawName: '省政府有关部门', unitId: 'finance' },
      { role: 'RESPONSIBLE', rawName: '省政府有关部门', unitId: 'a1' },
      { role: 'RESPONSIBLE', rawName: '省政府有关部门', unitId: 'a2' },
    ]);
    // 有关部门 means only some departments: a person is asked to narrow it.
    expect(warnings).toEqual([expect.stringContaining('「省政府有关部门」只涉及部分单位')]);
  });

  it('leaves unknown and ambiguous names unresolved, as written', () => {
    const { units } = proposedUnits(item({ leadUnits: ['即时比分'], responsibleUnits: ['数据局'] }), directory);
    expect(units).toEqual([
      { role: 'LEAD', rawName: '即时比分', unitId: null },
      { role: 'RESPONSIBLE', rawName: '数据局', unitId: null },
    ]);
  });
});

describe('draftRows', () => {
  const parsed: ParsedPlan = {
    title: '测试',
    year: 2026,
    issuer: null,
    docNumber: null,
    warnings: ['文件开头有乱码字符'],
    sections: [
      { label: '一', title: '公开' },
      { label: '二', title: '保障' },
    ],
    planMilestones: [{ text: '11月底前总结', date: '2026-11-30' }],
    items: [
      item({
        seq: 1,
        label: '(一)',
        leadUnits: ['省财政厅'],
        deadlines: [
          { text: '9月底前报送', date: '2026-09-30' },
          { text: '6月底前完成', date: '2026-06-30' },
          { text: '20个工作日内', date: null },
        ],
      }),
      item({ seq: 2, label: '1.', parentLabel: '(一)', leadUnits: ['省财政厅'] }),
      item({
        seq: 3,
        section: '二',
        label: '(二)',
        leadUnits: ['省财政厅'],
        deadlines: [{ text: '20个工作日内', date: null }],
      }),
      item({ seq: 4, section: '二', label: '1.', parentLabel: '(二)', leadUnits: ['即时比分'] }),
    ],
  };

  it('links sub-items to the nearest parent with their parent label, and items to their section', () => {
    const rows = draftRows(parsed, 2026, directory);
    const [a, a1, b, b1] = rows.keyPoints;
    expect([a.parentId, a1.parentId, b.parentId, b1.parentId]).toEqual([null, a.id, null, b.id]);
    expect(rows.keyPoints.map((k) => k.sectionId)).toEqual([
      rows.sections[0].id,
      rows.sections[0].id,
      rows.sections[1].id,
      rows.sections[1].id,
    ]);
  });

  it('takes the latest dated time limit as due date, else leaves it to the default; keeps every time limit', () => {
    const rows = draftRows(parsed, 2026, directory);
    expect(rows.keyPoints.map((k) => k.dueDate)).toEqual(['2026-09-30', null, null, null]);
    expect(
      rows.deadlines.filter((d) => d.keyPointId === rows.keyPoints[0].id).map((d) => [d.text, d.date, d.sort]),
    ).toEqual([
      ['9月底前报送', '2026-09-30', 1],
      ['6月底前完成', '2026-06-30', 2],
      ['20个工作日内', null, 3],
    ]);
    expect(rows.milestones).toEqual([{ text: '11月底前总结', date: '2026-11-30', sort: 1 }]);
  });

  it('keeps the parser warnings and unresolved names', () => {
    const rows = draftRows(parsed, 2026, directory);
    expect(rows.warnings).toEqual(['文件开头有乱码字符']);
    expect(rows.units.filter((u) => u.unitId === null)).toEqual([
      { keyPointId: rows.keyPoints[3].id, role: 'LEAD', rawName: '即时比分', unitId: null, sort: 1, impliedFrom: null },
    ]);
  });

  it("keeps the clause that names a unit for many key points, on that unit's rows only", () => {
    const parsed = {
      title: 't',
      year: 2026,
      issuer: null,
      docNumber: null,
      sections: [],
      planMilestones: [],
      warnings: [],
      items: [
        item({
          leadUnits: ['省财政厅'],
          responsibleUnits: ['各市政府'],
          impliedUnits: [{ name: '各市政府', role: 'responsible', source: '各市政府均为责任单位，以下不再列出' }],
        }),
      ],
    } as ParsedPlan;
    const rows = draftRows(parsed, 2026, directory);
    expect(rows.units.map((u) => [u.rawName, u.unitId, u.impliedFrom])).toEqual([
      ['省财政厅', 'finance', null],
      ['各市政府', 'sy', '各市政府均为责任单位，以下不再列出'],
      ['各市政府', 'dl', '各市政府均为责任单位，以下不再列出'],
    ]);
  });
});

describe('names the office decided before', () => {
  const decided = new Map<string, string[]>([
    ['省直有关部门', ['finance', 'ndrc']],
    ['即时比分', []],
    // A decision wins over what the resolver would guess (数据局 is ambiguous, 省财政厅 exact).
    ['数据局', ['a2']],
  ]);

  it('are placed as decided, and a dropped name is left out', () => {
    const { units, dropped } = proposedUnits(
      item({ leadUnits: ['省发改委', '即时比分'], responsibleUnits: ['省直有关部门', '数据局'] }),
      directory,
      decided,
    );
    expect(units).toEqual([
      { role: 'LEAD', rawName: '省发改委', unitId: 'ndrc' },
      { role: 'RESPONSIBLE', rawName: '省直有关部门', unitId: 'finance' },
      { role: 'RESPONSIBLE', rawName: '数据局', unitId: 'a2' },
    ]);
    expect(dropped).toEqual(['即时比分']);
  });

  it('the draft lists the dropped names once, with how often', () => {
    const parsed: ParsedPlan = {
      title: '测试',
      year: 2026,
      issuer: null,
      docNumber: null,
      warnings: [],
      sections: [],
      planMilestones: [],
      items: [
        item({ seq: 1, leadUnits: ['即时比分'] }),
        item({ seq: 2, label: '2.', leadUnits: ['省财政厅', '即时比分'] }),
      ],
    };
    const rows = draftRows(parsed, 2026, directory, decided);
    expect(rows.units.map((u) => u.rawName)).toEqual(['省财政厅']);
    expect(rows.warnings).toEqual([expect.stringContaining('「即时比分」（2 处）')]);
  });
});
