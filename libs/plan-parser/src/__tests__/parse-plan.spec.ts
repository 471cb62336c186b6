import { parsePlan } from '../index.js';
import { expected, fixtureNames, fixtureText } from './fixtures.js';

const compared = (items: Array<Record<string, unknown>>) =>
  items.map(({ section, label, title, leadUnits, responsibleUnits, unitsOpenEnded, deadlines }) => ({
    section,
    label,
    title,
    leadUnits,
    responsibleUnits,
    unitsOpenEnded,
    deadlines,
  }));

describe('parsePlan on the seed documents', () => {
  it.each(fixtureNames())('%s matches the hand-checked parse', (name) => {
    const plan = parsePlan(fixtureText(name));
    const gold = expected(name);
    expect(compared(plan.items as never)).toEqual(compared(gold.items));
    for (const key of ['title', 'year', 'issuer', 'docNumber', 'sections', 'planMilestones'] as const) {
      if (key in gold) expect(plan[key]).toEqual(gold[key]);
    }
  });

  it('says why the annual report has no items', () => {
    const plan = parsePlan(fixtureText('guian-2016-annual-report.txt'));
    expect(plan.items).toEqual([]);
    expect(plan.warnings.join()).toMatch(/报告/u);
  });
});

const WEB_COPY = `首页 > 政务公开 > 通知公告
【字体：大 中 小】 打印本页 关闭窗口
某某市人民政府办公室关于印发某某市2022年政务公开工作要点的通知
某政办发〔2022〕8号
各县（市、区）人民政府，市政府各部门：
某某市人民政府办公室
2022年3月1日
某某市2022年政务公开工作要点
一、围绕稳经济加强公开
1．推进惠企政策公开。3月底前开设专栏。〔责任单位：市发展改革委、市财政局〕
分享到：
2．加强政策解读。
（1）做好解读方案。文件起草部门要同步组织解读材料。
（2）丰富解读形式。上半年完成。
[牵头单位：市政府办公室；配合单位：市委宣传部]
二、围绕保民生加强公开
3．做好就业信息公开。今年9月底前完成。（市人社局会同市教育局负责）
4．规范依申请公开。20个工作日内答复。（各市、县(区)人民政府，市政府各部门落实）
各县（市、区）、市政府各部门要于12月10日前将落实情况报市政府办公室。
版权所有 © 某某市人民政府  网站地图
`;

describe('parsePlan on other styles', () => {
  const plan = parsePlan(WEB_COPY);

  it('reads the header through web chrome', () => {
    expect(plan).toMatchObject({
      title: '某某市2022年政务公开工作要点',
      year: 2022,
      issuer: '某某市人民政府办公室',
      docNumber: '某政办发〔2022〕8号',
    });
  });

  it('numbers `1.` through the document and keeps `(1)` sub-items under their parent', () => {
    expect(plan.items.map((i) => [i.section, i.label, i.parentLabel ?? null])).toEqual([
      ['一', '1.', null],
      ['一', '2.', null],
      ['一', '(1)', '2.'],
      ['一', '(2)', '2.'],
      ['二', '3.', null],
      ['二', '4.', null],
    ]);
  });

  it('gives the annotation after the last sub-item to the parent and its sub-items', () => {
    for (const i of plan.items.slice(1, 4))
      expect([i.leadUnits, i.responsibleUnits]).toEqual([['市政府办公室'], ['市委宣传部']]);
  });

  it('drops chrome lines from items and keeps closing text out of the last item', () => {
    expect(plan.items[0].text).not.toContain('分享到');
    expect(plan.items[5].text).not.toContain('12月10日');
    expect(plan.planMilestones).toEqual([{ text: '12月10日前', date: '2022-12-10' }]);
  });

  it('uses --year when the document states none', () => {
    const p = parsePlan('政务公开工作要点\n(一)做好公开。6月底前完成。', { year: 2024 });
    expect(p.year).toBe(2024);
    expect(p.items[0].deadlines).toEqual([{ text: '6月底前', date: '2024-06-30' }]);
  });

  it('keeps multi-paragraph items together', () => {
    const p = parsePlan(
      '2022年工作要点\n(一)做好公开。第一段。\n第二段,年底前完成。(各部门落实)\n(二)第二项。(各单位落实)',
    );
    expect(p.items[0].text).toContain('第二段');
    expect(p.items[0].deadlines).toHaveLength(1);
    expect(p.items[0].responsibleUnits).toEqual(['各部门']);
  });

  it('parses a traditional document and outputs what is written', () => {
    const p = parsePlan(
      '2023年政務公開工作要點\n一、加強公開\n（一）推進規劃公開。年內完成。（牽頭單位：省發展改革委；責任單位：省直各有關部門）',
    );
    expect(p.items[0]).toMatchObject({
      title: '推進規劃公開',
      leadUnits: ['省發展改革委'],
      responsibleUnits: ['省直各有關部門'],
      deadlines: [{ text: '年內', date: '2023-12-31' }],
    });
  });

  it('warns when there are no items', () => {
    const p = parsePlan('这是一段普通文字。');
    expect(p.items).toEqual([]);
    expect(p.warnings.length).toBeGreaterThan(0);
  });
});
