import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePlan } from '../index.js';

// Synthetic documents in the habits of other issuers (State Council, provinces, cities, districts).
const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'styles');
const parse = (name: string) => parsePlan(readFileSync(path.join(dir, name), 'utf8'));
const brief = (p: ReturnType<typeof parsePlan>) =>
  p.items.map((i) => ({
    label: i.label,
    title: i.title,
    lead: i.leadUnits,
    resp: i.responsibleUnits,
    due: i.deadlines.map((d) => d.date),
  }));

describe('other document styles', () => {
  it('State Council: wrapped heading, run-on items, trailing (X牵头,Y按职责分工负责), holidays and 中旬', () => {
    const p = parse('state-council-style.txt');
    expect(p.title).toBe('2022年政务公开工作要点');
    expect(brief(p)).toEqual([
      { label: '(一)', title: '加强政策公开', lead: ['国务院办公厅'], resp: ['国务院各部门'], due: [] },
      {
        label: '(二)',
        title: '推进规划信息公开',
        lead: ['国家发展改革委'],
        resp: ['各省（区、市）人民政府', '国务院有关部门'],
        due: ['2022-09-30'],
      },
      // 中旬 ends on the 20th (the middle ten days are the 11th to the 20th).
      {
        label: '(三)',
        title: '做好就业信息公开',
        lead: [],
        resp: ['人力资源社会保障部', '教育部'],
        due: ['2022-09-30', '2022-11-20'],
      },
      { label: '(四)', title: '加强社会救助信息公开', lead: ['民政部'], resp: ['财政部', '国家医保局'], due: [] },
    ]);
    expect(p.items[0].text).toContain('一是做好政策解读');
    expect(p.items[1].unitsOpenEnded).toBe(true);
    expect(p.items[3].text).not.toContain('各地区各部门要高度重视');
  });

  it('province: 1、 numbering, 责任单位 lines, prose units, 年中, spam address in running text', () => {
    const p = parse('province-responsibility-lines.txt');
    expect(brief(p)).toEqual([
      { label: '1.', title: '推进财政预决算公开', lead: [], resp: ['省财政厅', '省直各部门'], due: ['2023-06-30'] },
      {
        label: '2.',
        title: '加强重大建设项目信息公开',
        lead: ['省发展改革委'],
        resp: ['省住房和城乡建设厅', '省人力资源和社会保障厅'],
        due: ['2023-09-30'],
      },
      { label: '3.', title: '做好政策解读工作', lead: ['省政府办公厅'], resp: ['省直各部门'], due: [] },
      { label: '4.', title: '优化政府网站集约化平台', lead: [], resp: ['省政务服务和数据管理局'], due: ['2023-06-30'] },
      { label: '5.', title: '规范政务新媒体管理', lead: ['省委网信办'], resp: ['各市政府'], due: ['2023-09-30'] },
    ]);
    expect(p.items[4].text).toContain('www.xing528.com');
    expect(p.warnings.join('\n')).toMatch(/垃圾信息:「www\.xing528\.com」/u);
  });

  it('city: a pipe-separated task table with lead, responsible and time columns', () => {
    const p = parse('city-table.txt');
    expect(brief(p)).toEqual([
      {
        label: '1.',
        title: '推进决策公开，完善重大行政决策预公开制度',
        lead: ['市司法局'],
        resp: ['各区县政府', '市直各部门'],
        due: ['2022-06-30'],
      },
      { label: '2.', title: '做好政策解读', lead: ['市政府办公室'], resp: ['市直各有关部门'], due: ['2022-12-31'] },
      // 长期坚持 is not a time limit: no date and no warning.
      { label: '3.', title: '加强政务公开队伍建设', lead: ['市政府办公室'], resp: ['各区县政府'], due: [] },
    ]);
    expect(p.planMilestones).toEqual([{ text: '12月10日前', date: '2022-12-10' }]);
    expect(p.warnings).toEqual([]);
  });

  it('district: a tab-separated table', () => {
    expect(brief(parse('district-tab-table.txt'))).toEqual([
      { label: '1.', title: '梳理公开事项目录', lead: [], resp: ['区政务服务中心', '区司法局'], due: ['2022-09-30'] },
      { label: '2.', title: '开展政府开放日活动', lead: [], resp: ['区政府办公室'], due: ['2022-09-30'] },
    ]);
  });

  it('第一部分/第二部分 restart sections; (一) items with 1. sub-items; 【】〔〕 annotations; 协办 is responsible', () => {
    const p = parse('parts-and-sub-items.txt');
    expect(p.items.map((i) => [i.section, i.label, i.parentLabel ?? null])).toEqual([
      ['一', '(一)', null],
      ['一', '1.', '(一)'],
      ['一', '2.', '(一)'],
      ['一', '(二)', null],
      ['二', '(三)', null],
    ]);
    expect(p.items[3]).toMatchObject({ leadUnits: ['市政府办公室'], responsibleUnits: ['市司法局'] });
    expect(p.items[4]).toMatchObject({ responsibleUnits: ['各区县政府', '开发区管委会'], deadlines: [] });
    expect(p.planMilestones).toEqual([{ text: '2021年底前', date: '2021-12-31' }]);
  });

  it('an annual report without 报告 in its title is recognised by its outline', () => {
    const p = parse('annual-report-untitled.txt');
    expect(p.items).toEqual([]);
    expect(p.warnings.join()).toMatch(/报告/u);
  });
});

describe('line breaks and run-on items', () => {
  it('joins a heading wrapped inside a unit name and an annotation wrapped across lines', () => {
    const p = parsePlan(
      '某市2022年工作要点\n1.做好公开工作。请于6月底前完成。(牵头单位:市发展\n改革委)\n2.推进规划信\n息公开。(市自然资源\n局负责)',
    );
    expect(brief(p)).toEqual([
      { label: '1.', title: '做好公开工作', lead: ['市发展改革委'], resp: [], due: ['2022-06-30'] },
      { label: '2.', title: '推进规划信息公开', lead: [], resp: ['市自然资源局'], due: [] },
    ]);
  });

  it('keeps a stand-alone heading line as the title', () => {
    const p = parsePlan(
      '某市2022年工作方案\n一、保障措施\n(一)加强组织领导\n各部门要成立工作专班，明确分管领导。\n(二)强化督促检查\n市政府办公室定期通报工作进展情况。',
    );
    expect(p.items.map((i) => i.title)).toEqual(['加强组织领导', '强化督促检查']);
  });

  it('splits items run together after an annotation or a sentence end, only in sequence', () => {
    const p = parsePlan(
      '某市2022年工作要点\n一、公开\n(一)第一项。(各部门落实)(二)第二项,引用本要点(一)的要求。2.5亿元资金。(各单位落实)二、解读\n1.甲项。2021.6起实施。2.乙项。',
    );
    expect(p.items.map((i) => [i.section, i.label, i.title])).toEqual([
      ['一', '(一)', '第一项'],
      ['一', '(二)', '第二项,引用本要点(一)的要求'],
      ['二', '1.', '甲项'],
      ['二', '2.', '乙项'],
    ]);
    expect(p.sections.map((s) => s.title)).toEqual(['公开', '解读']);
  });

  it('does not take an ordinary closing sentence for prose units', () => {
    const p = parsePlan('某市2022年工作要点\n1.做好公开工作。各部门要认真落实。\n2.加强解读。由市政府办公室负责。');
    expect(p.items[0].responsibleUnits).toEqual([]);
    expect(p.items[1].responsibleUnits).toEqual(['市政府办公室']);
  });

  it('takes 由X牵头,Y等部门配合 at the end of an item', () => {
    const p = parsePlan('某市2022年工作要点\n1.做好公开工作,由市政府办公室牵头,市财政局、市审计局等部门配合。');
    expect(p.items[0]).toMatchObject({
      title: '做好公开工作',
      leadUnits: ['市政府办公室'],
      responsibleUnits: ['市财政局', '市审计局'],
      unitsOpenEnded: true,
    });
  });

  it('reports spam words in running text and keeps the text', () => {
    const p = parsePlan('某市2022年工作要点\n1.结合即时比分实际做好公开。(各部门落实)');
    expect(p.items[0].text).toContain('即时比分');
    expect(p.warnings.join()).toMatch(/即时比分/u);
  });

  it('treats a title ending 情况报告 as a report even when it names the plan', () => {
    const p = parsePlan('关于2022年政务公开工作要点落实情况的报告\n一、总体\n(一)完成公开。(各部门落实)');
    expect(p.items).toEqual([]);
  });
});
