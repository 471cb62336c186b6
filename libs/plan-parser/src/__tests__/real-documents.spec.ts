import { parsePlan } from '../index.js';

// Shapes seen in plans as offices actually have them (issue 14), each in a small document.
const units = (p: ReturnType<typeof parsePlan>) => p.items.map((i) => [i.label, i.leadUnits, i.responsibleUnits]);

describe('text as it is found', () => {
  it('finds the structure of a web copy flattened to one line', () => {
    const p = parsePlan(
      '某市人民政府办公室关于印发某市2022年政务公开工作要点的通知各区县政府：现将《某市2022年政务公开工作要点》印发给你们。某市人民政府办公室2022年3月1日某市2022年政务公开工作要点为做好今年工作，重点开展以下工作：一、加大公开力度1.推进规划公开。6月底前完成。（牵头单位：市发展改革委；责任单位：各区县政府）2.做好财政公开。（市财政局负责）二、强化解读回应3.做好政策解读。（责任单位：市政府办公室）各区县要将落实情况报市政府办公室。',
    );
    expect(p.title).toBe('某市2022年政务公开工作要点');
    expect(p.year).toBe(2022);
    expect(p.sections.map((s) => s.title)).toEqual(['加大公开力度', '强化解读回应']);
    expect(units(p)).toEqual([
      ['1.', ['市发展改革委'], ['各区县政府']],
      ['2.', [], ['市财政局']],
      ['3.', [], ['市政府办公室']],
    ]);
    expect(p.items[0].deadlines).toEqual([{ text: '6月底前', date: '2022-06-30' }]);
    expect(p.items[2].text).not.toContain('各区县要将落实情况');
  });

  it('joins names broken by a line break or stray spaces, drops page numbers and running headers', () => {
    const p = parsePlan(
      [
        '某省2023年政务公开工作要点',
        '（一）推进规划公开。各地要公开规划。（牵头单位：省发展改革委；责任单位：省直有关',
        '部门、宣 教司）',
        '- 1 -',
        '某省人民政府办公厅',
        '（二）做好政策解读。（责任单位：固体 司）',
        '第 2 页 共 3 页',
        '某省人民政府办公厅',
        '（三）强化回应。（责任单位：省政府办公厅）',
        '某省人民政府办公厅',
      ].join('\n'),
    );
    expect(units(p)).toEqual([
      ['(一)', ['省发展改革委'], ['省直有关部门', '宣教司']],
      ['(二)', [], ['固体司']],
      ['(三)', [], ['省政府办公厅']],
    ]);
    expect(p.items.map((i) => i.text).join()).not.toMatch(/页|人民政府办公厅\n/u);
  });

  it('reads full-width digits in labels and time limits', () => {
    const p = parsePlan(
      '某市２０２２年工作要点\n１．推进公开。６月底前完成。（市财政局负责）\n２．做好解读。（市政府办公室负责）',
    );
    expect(p.items.map((i) => i.label)).toEqual(['1.', '2.']);
    expect(p.items[0].deadlines).toEqual([{ text: '６月底前', date: '2022-06-30' }]);
  });
});

describe('the notice around the plan', () => {
  const notice = [
    '发文机构：某市人民政府办公室',
    '发布时间：2023-03-01',
    '发文字号：某政办发〔2023〕5号',
    '某市人民政府办公室关于印发《某市2023年政务管理服务工作要点》和《某市2023年政务公开工作要点》的通知',
    '各区县人民政府，市政府各部门：',
    '现将《某市2023年政务管理服务工作要点》和《某市2023年政务公开工作要点》印发给你们，请认真贯彻执行。',
    '一、提高认识。各单位要高度重视。',
    '二、按时报送。请于12月10日前报送落实情况。',
    '某市人民政府办公室',
    '2023年3月1日',
    '（此件公开发布）',
  ];

  it('issues two plans: each with its own items, the first at the top level, and says so', () => {
    const p = parsePlan(
      [
        ...notice,
        '某市2023年政务管理服务工作要点',
        '一、优化服务',
        '（一）推进一网通办。（牵头单位：市政务服务中心）',
        '某市2023年政务公开工作要点',
        '一、加强公开',
        '（一）推进规划公开。（牵头单位：市发展改革委）',
        '（二）做好政策解读。（牵头单位：市政府办公室）',
      ].join('\n'),
    );
    expect(p.plans?.map((x) => [x.title, x.items.map((i) => i.title)])).toEqual([
      ['某市2023年政务管理服务工作要点', ['推进一网通办']],
      ['某市2023年政务公开工作要点', ['推进规划公开', '做好政策解读']],
    ]);
    expect(p.title).toBe('某市2023年政务管理服务工作要点');
    expect(p.items).toHaveLength(1);
    expect(p.warnings[0]).toMatch(/印发了 2 个计划/u);
    for (const plan of p.plans!)
      expect(plan).toMatchObject({ year: 2023, issuer: '某市人民政府办公室', docNumber: '某政办发〔2023〕5号' });
  });

  it('takes title, issuer and 文号 from the wrapper; its own numbered requirements are no section; its dates are milestones', () => {
    const p = parsePlan(
      [
        ...notice.slice(0, 3),
        '某市人民政府办公室关于印发《某市2023年政务公开工作要点》的通知',
        ...notice.slice(4, 6),
        ...notice.slice(6),
        '某市2023年政务公开工作要点',
        '一、加强公开',
        '（一）推进规划公开。（牵头单位：市发展改革委）',
      ].join('\n'),
    );
    expect(p.plans).toBeUndefined();
    expect(p).toMatchObject({
      title: '某市2023年政务公开工作要点',
      year: 2023,
      issuer: '某市人民政府办公室',
      docNumber: '某政办发〔2023〕5号',
    });
    expect(p.sections).toEqual([{ label: '一', title: '加强公开' }]);
    expect(p.items.map((i) => i.title)).toEqual(['推进规划公开']);
    expect(p.planMilestones).toEqual([{ text: '12月10日前', date: '2023-12-10' }]);
  });
});

describe('other shapes of plan', () => {
  it('a flat list 一、…三、 with headings and unit annotations is items, not sections', () => {
    const p = parsePlan(
      '某县2023年政务公开工作要点\n一、推进规划公开。全面公开规划。（责任单位：县发改局）\n二、做好政策解读。年底前完成。（责任单位：县政府办）\n三、强化回应关切。（责任单位：县委网信办）',
    );
    expect(p.sections).toEqual([]);
    expect(p.items.map((i) => [i.section, i.label, i.title, i.responsibleUnits])).toEqual([
      [null, '一、', '推进规划公开', ['县发改局']],
      [null, '二、', '做好政策解读', ['县政府办']],
      [null, '三、', '强化回应关切', ['县委网信办']],
    ]);
  });

  it('实施方案: 指导思想/基本原则/工作目标 give no items, their dates are milestones; 附件 is not items; a section without numbered items is one', () => {
    const p = parsePlan(
      [
        '某市2020年政务公开标准化实施方案',
        '一、指导思想',
        '以习近平新时代中国特色社会主义思想为指导。',
        '二、基本原则',
        '（一）坚持问题导向。',
        '（二）坚持统筹推进。',
        '三、工作目标',
        '到2020年底，基本建成标准体系。',
        '四、主要任务',
        '（一）编制目录。2020年6月底前完成。（牵头单位：市政府办公室）',
        '（二）发布目录。（责任单位：各区县政府）',
        '五、规范公开平台 市政府办公室要统一平台标准，年内完成。',
        '附件：1.标准目录模板',
        '2.工作联系人表',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.section, i.label, i.title])).toEqual([
      ['四', '(一)', '编制目录'],
      ['四', '(二)', '发布目录'],
      ['五', '五、', '规范公开平台'],
    ]);
    expect(p.planMilestones).toContainEqual({ text: '2020年底', date: '2020-12-31' });
    expect(p.items[2].deadlines).toEqual([{ text: '年内', date: '2020-12-31' }]);
  });

  it('保障措施: numbered points are items even without units, plain paragraphs are none; a 工作目标 point that assigns units stays', () => {
    const plan = (safeguards: string[]) =>
      parsePlan(
        [
          '某区2020年政务公开工作方案',
          '一、工作目标',
          '（一）全面公开权责清单。（责任单位：区政府办）',
          '（二）基本建成标准体系。',
          '二、主要任务',
          '（一）编制目录。（牵头单位：区政府办）',
          '三、保障措施',
          ...safeguards,
        ].join('\n'),
      ).items.map((i) => [i.section, i.label, i.title]);
    const numbered = plan(['（一）加强组织领导。各部门要明确分管领导。', '（二）加强监督考核。纳入年度绩效考核。']);
    expect(numbered).toEqual([
      ['一', '(一)', '全面公开权责清单'],
      ['二', '(一)', '编制目录'],
      ['三', '(一)', '加强组织领导'],
      ['三', '(二)', '加强监督考核'],
    ]);
    expect(plan(['各部门要明确分管领导，纳入年度绩效考核。'])).toEqual(numbered.slice(0, 2));
  });

  it('leaves units empty without annotations (no guessing from prose)', () => {
    const p = parsePlan(
      '某厅2021年工作要点\n1.做好规划公开。工业和信息化厅要加快平台建设，确保年底前建成。\n2.做好解读。自治区发展改革、教育等部门，应按照国家部委要求制定目录。',
    );
    expect(units(p)).toEqual([
      ['1.', [], []],
      ['2.', [], []],
    ]);
  });
});

describe('units written once for many items', () => {
  it('均为责任单位，以下不再列出: added to every later item, with where they came from', () => {
    const p = parsePlan(
      [
        '某省2023年政务公开工作要点',
        '1.推进规划公开。（牵头单位：省发展改革委；责任单位：各市州、县市区人民政府，省直有关单位。各市州、县市区人民政府均为责任单位，以下不再列出）',
        '2.做好政策解读。（牵头单位：省政府办公厅）',
      ].join('\n'),
    );
    expect(units(p)).toEqual([
      ['1.', ['省发展改革委'], ['各市州人民政府', '各县市区人民政府', '省直有关单位']],
      ['2.', ['省政府办公厅'], ['各市州人民政府', '各县市区人民政府']],
    ]);
    expect(p.items[0].impliedUnits).toEqual([]);
    expect(p.items[1].impliedUnits).toEqual([
      { name: '各市州人民政府', role: 'responsible', source: '各市州、县市区人民政府均为责任单位，以下不再列出' },
      { name: '各县市区人民政府', role: 'responsible', source: '各市州、县市区人民政府均为责任单位，以下不再列出' },
    ]);
  });

  it('a preamble clause and a list marked 下同', () => {
    const p = parsePlan(
      [
        '某县2023年政务公开工作要点',
        '本要点各项任务，各乡镇人民政府均为责任单位。',
        '（一）推进规划公开。（牵头单位：县发改局）',
        '（二）做好政策解读。（牵头单位：县政府办；配合单位：县直各部门，下同）',
        '（三）强化回应关切。（牵头单位：县委网信办）',
      ].join('\n'),
    );
    expect(units(p)).toEqual([
      ['(一)', ['县发改局'], ['各乡镇人民政府']],
      ['(二)', ['县政府办'], ['县直各部门', '各乡镇人民政府']],
      ['(三)', ['县委网信办'], ['各乡镇人民政府', '县直各部门']],
    ]);
    expect(p.items[2].impliedUnits?.map((u) => [u.name, u.source])).toEqual([
      ['各乡镇人民政府', '本要点各项任务，各乡镇人民政府均为责任单位'],
      ['县直各部门', '配合单位：县直各部门，下同'],
    ]);
  });
});

describe('smaller forms', () => {
  it('a name with a definition inserted; 2016年内; leads before one 牵头落实 and the units that 具体落实', () => {
    const p = parsePlan(
      [
        '重庆市2016年政务公开工作要点',
        '1.推进公开。2016年内完成。（各区县（自治县，以下简称区县）政府负责）',
        '2.做好解读。（市发展改革委、市财政局牵头落实，各区县政府具体落实）',
      ].join('\n'),
    );
    expect(units(p)).toEqual([
      ['1.', [], ['各区县政府']],
      ['2.', ['市发展改革委', '市财政局'], ['各区县政府']],
    ]);
    expect(p.items[0].deadlines).toEqual([{ text: '2016年内', date: '2016-12-31' }]);
  });
});

describe('task tables', () => {
  it('space-separated rows: header repeated per page, empty cells dropped, joined lead units, merged cells', () => {
    const p = parsePlan(
      [
        '某省2017年政务公开工作任务分解表',
        '工　作　任　务 牵头单位 责　任　单　位 工　作　要　求',
        '一、助力稳增长',
        '1.公开财政收支 省财政厅省国税局 各设区市，平潭综合实验区 按月公开收支情况。',
        '2.公开社保情况 各设区市，平潭综合实验区 年内完成公开。',
        '工　作　任　务 牵头单位 责　任　单　位 工　作　要　求',
        '3.公开国企信息 省国资委 各设区市 按月公开。',
        '4.公开国企经营情况 依法公开经营业绩。',
      ].join('\n'),
    );
    expect(units(p)).toEqual([
      ['1.', ['省财政厅', '省国税局'], ['各设区市', '平潭综合实验区']],
      ['2.', [], ['各设区市', '平潭综合实验区']],
      ['3.', ['省国资委'], ['各设区市']],
      ['4.', ['省国资委'], ['各设区市']],
    ]);
    expect(p.items.map((i) => i.title)).toEqual(['公开财政收支', '公开社保情况', '公开国企信息', '公开国企经营情况']);
    expect(p.items[1].deadlines).toEqual([{ text: '年内', date: '2017-12-31' }]);
  });

  it('the tenant directory splits joined names the endings alone cannot', () => {
    const text = '某区2020年工作任务分工\n序号 工作任务 牵头单位 完成时限\n1.推进公开 人社局发展改革局 6月底前';
    expect(parsePlan(text).items[0].leadUnits).toEqual(['人社局发展改革局']);
    expect(parsePlan(text, { unitNames: ['人社局', '发展改革局'] }).items[0].leadUnits).toEqual([
      '人社局',
      '发展改革局',
    ]);
  });

  it('PDF text of a table numbered by 序号: task names printed around their serial, a page dumped column by column', () => {
    const p = parsePlan(
      [
        '某区2017年政务公开重点工作任务分工',
        '目标 序号 任务 有关要求 责任单位',
        '1 加强预期引导 加强政策解读信息公开，及时传递政策意图。 发展改革委、财政厅',
        // Row 2's task begins on the two lines above its serial; its unit cell wraps over them.
        '推',
        '进减 在政府网站集中发布减税降费政策措施。 税务局、',
        '2 税降费信息公开 及时发布收费目录清单。 财政厅',
        // Rows 3–4 as separate blocks: serials, tasks, requirements, unit cells (a name broken over two lines).
        '3',
        '4',
        '推进国资国企信息公开',
        '推进农业信息公开',
        '公开国有企业生产经营情况。',
        '做好农产品价格信息公开工作。',
        '国资委',
        '农业农村',
        '厅',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.label, i.title, i.leadUnits, i.responsibleUnits])).toEqual([
      ['1.', '加强预期引导', [], ['发展改革委', '财政厅']],
      ['2.', '推进减税降费信息公开', [], ['税务局', '财政厅']],
      ['3.', '推进国资国企信息公开', [], ['国资委']],
      ['4.', '推进农业信息公开', [], ['农业农村厅']],
    ]);
  });

  it("PDF text of a table whose rows hold several measures: a label at a heading line's end, numbering restarting per row, units shared along the row", () => {
    const p = parsePlan(
      [
        '某市2022年政务公开工作要点任务分工',
        '工作任务 贯彻举措 牵头单位 责任单位',
        '一、以公开助力经济发展 （一）加强市场主体信息公开。 1．公开计划执行情况。 2．公开营商环境政策。 市发展改革委 各区县政府',
        '二、提高政策 （二）',
        // The dash is the next row's empty lead cell, glued to this row's last unit cell.
        '公开质量 深化规章集中公开。 1．更新行政法规文本。 2．更新规章文本。 市司法局 市政府各部门—',
        '1．规范规章发布格式。 市政府办公厅 各区县政府',
        '三、',
        '（三）加强平台建设。 1．落实网络意识形态责任制。 市政府办公厅 各区县政府',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.section, i.parentLabel ?? null, i.label, i.leadUnits, i.responsibleUnits])).toEqual([
      ['一', null, '(一)', [], []],
      ['一', '(一)', '1.', ['市发展改革委'], ['各区县政府']],
      ['一', '(一)', '2.', ['市发展改革委'], ['各区县政府']],
      ['二', null, '(二)', [], []],
      ['二', '(二)', '1.', ['市司法局'], ['市政府各部门']],
      ['二', '(二)', '2.', ['市司法局'], ['市政府各部门']],
      ['二', '(二)', '1.', ['市政府办公厅'], ['各区县政府']],
      ['三', null, '(三)', [], []],
      ['三', '(三)', '1.', ['市政府办公厅'], ['各区县政府']],
    ]);
  });

  it("PDF text of a table: a line ending with the row's unit cells closes the row; unnumbered rows after it are the task's, and go to the next task when they share its heading's words", () => {
    const p = parsePlan(
      [
        '某市2022年政务公开工作要点任务分工',
        '工作任务 贯彻举措 牵头单位 责任单位',
        '一、夯实公开工作基础',
        '（一）加强公开平台建设。 1．落实网站主管主办职责。 2．强化人员保障，适时开展优秀网上政府评选。 市政府办公厅 各区县政府、市政府各部门',
        '推进全市政府网站集约化平台迭代升级，不断提升平台响应速度。',
        // Printed before its task's label (the merged cell stood beside the middle of its rows).
        '动态更新基层政务公开标准目录，年底前将基层政务公开检查结果报送。 市政府办公厅 市民政局',
        '（二）扎实推进基层政务公开。 1．梳理并公开惠民惠农财政补贴依据文件。 市财政局 市政府有关部门',
        '1．区县政府要及时公开补贴发放信息，年底前以村为单位公开。 各区县政府',
        '以公开促服务，推动政务公开与村（居）务公开的协调联动。 市政府办公厅、市民政局 各区县政府',
      ].join('\n'),
    );
    const measures = p.items
      .filter((i) => i.parentLabel)
      .map((i) => [i.parentLabel, i.label, i.leadUnits, i.responsibleUnits, i.deadlines.map((d) => d.text)]);
    expect(measures).toEqual([
      ['(一)', '1.', ['市政府办公厅'], ['各区县政府', '市政府各部门'], []],
      ['(一)', '2.', ['市政府办公厅'], ['各区县政府', '市政府各部门'], []],
      ['(二)', '1.', ['市财政局'], ['市政府有关部门'], []],
      ['(二)', '1.', [], ['各区县政府'], ['年底前']],
    ]);
    // The tasks keep their unnumbered rows: the website row stays with (一), the 基层政务公开 row
    // printed above (二)'s label goes to (二) with its time limit and units.
    const [first, second] = p.items.filter((i) => !i.parentLabel);
    expect(first.text).toContain('集约化平台');
    expect(first.text).not.toContain('标准目录');
    expect(first.deadlines).toEqual([]);
    expect(second.text).toContain('标准目录');
    expect(second.deadlines.map((d) => d.text)).toEqual(['年底前']);
    expect([...second.leadUnits, ...second.responsibleUnits]).toContain('市民政局');
  });

  it('PDF text of a table: a heading printed inside the row just above it opens its section there; after a longer row it does not', () => {
    const p = parsePlan(
      [
        '某市2022年政务公开工作要点任务分工',
        '工作任务 贯彻举措 牵头单位 责任单位',
        '一、以公开助力经济发展',
        '（一）加强市场主体信息公开。 1．公开计划执行情况。 市发展改革委 各区县政府',
        '2．公开营商环境政策。 市发展改革委 各区县政府',
        // The row of (一) ran over two printed lines: the heading after it is its own.
        '二、提高政策公开质量',
        '做好营商环境政策的解读，及时回应市场主体关切的问题。',
        '（二）深化规章集中公开。 1．更新规章文本。 市司法局 市政府各部门',
        // (三) began on the printed line just above: the heading was printed inside its row.
        '（三）严格落实主体责任。 1．压实信息发布责任。 市政府办公厅 各区县政府',
        '三、强化工作指导监督',
        '严格落实涉事部门政务舆情回应第一主体责任，及时回应社会关切。',
        '（四）有效改进工作作风。 1．开展政务公开工作培训。 市政府办公厅 各区县政府',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.section, i.parentLabel ?? null, i.label])).toEqual([
      ['一', null, '(一)'],
      ['一', '(一)', '1.'],
      ['一', '(一)', '2.'],
      ['二', null, '(二)'],
      ['二', '(二)', '1.'],
      ['三', null, '(三)'],
      ['三', '(三)', '1.'],
      ['三', null, '(四)'],
      ['三', '(四)', '1.'],
    ]);
    expect(p.sections.map((s) => [s.label, s.title])).toEqual([
      ['一', '以公开助力经济发展'],
      ['二', '提高政策公开质量'],
      ['三', '强化工作指导监督'],
    ]);
  });

  it("PDF text of a table: a heading printed among a task's measures takes the rows above it, the numbering goes on, the task cell gets its wrapped text; a label may open with a date", () => {
    const p = parsePlan(
      [
        '某市2020年政务公开工作要点任务分工',
        '重点任务 贯彻举措 牵头单位 责任单位',
        '（一）以清单为依托，加强配置公开。 1．更新完善权责清单并按要求公开。 市政府办公厅 市政府各部门',
        '（二）以基层政务公开标准化 1．构建公众参与机制。 市政府办公厅 各区县政府',
        // The merged heading cell of 一、 is printed in the middle of its rows, beside (二)'s measure 2.
        '一、围绕贯彻落实全会精神加强用权公开 规范化为抓手，加强过程公开。  2．2020年7月30日前，编制完成标准指引。 市政府办公厅 市政府有关部门',
        '3．2020年10月30日前，编制完成标准目录。 市政府办公厅 各区县政府',
        '二、围绕优化营商环境加强公开',
        '（一）提高规则公开质量。 1．公开监管规则。 市市场监管局 各区县政府',
      ].join('\n'),
    );
    expect(
      p.items.map((i) => [
        i.section,
        i.parentLabel ?? null,
        i.label,
        i.responsibleUnits,
        i.deadlines.map((d) => d.date),
      ]),
    ).toEqual([
      ['一', null, '(一)', [], []],
      ['一', '(一)', '1.', ['市政府各部门'], []],
      ['一', null, '(二)', [], []],
      ['一', '(二)', '1.', ['各区县政府'], []],
      ['一', '(二)', '2.', ['市政府有关部门'], ['2020-07-30']],
      ['一', '(二)', '3.', ['各区县政府'], ['2020-10-30']],
      ['二', null, '(一)', [], []],
      ['二', '(一)', '1.', ['各区县政府'], []],
    ]);
    expect(p.items[2].title).toBe('以基层政务公开标准化规范化为抓手，加强过程公开');
    expect(p.sections.map((s) => s.title)).toEqual(['围绕贯彻落实全会精神加强用权公开', '围绕优化营商环境加强公开']);
  });

  it('PDF text of a table: a heading printed after all its rows takes them; clauses cited as 第（一）（二）项 open no item; a section whose first rows were lost starts at 2. or (三)', () => {
    const p = parsePlan(
      [
        '某市2020年政务公开工作要点任务分工',
        '重点任务 贯彻举措 牵头单位 责任单位',
        '一、围绕突发事件应对加强公开',
        '（一）及时发布疫情信息。 1．做好疫情信息发布工作。 市卫生健康委 各区县政府',
        '（一）落实主动公开新要求。 1．公开条例第二十条第（一）（二）（五）项内容， 2020年底前全部公开到位。 市政府办公厅 各区县政府',
        '（二）建设政府信息查询场所。 1．设置政府信息公开专区。 市政府办公厅 各区县政府',
        '二、围绕落实条例加强制度执行',
        '三、强化各项保障措施 加强机构队伍建设。  2．明确本机关的政府信息公开工作机构。 市政府办公厅 各区县政府',
        '（三）强化培训工作。 1．改进培训工作。 市政府办公厅 各区县政府',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.section, i.parentLabel ?? null, i.label, i.deadlines.map((d) => d.date)])).toEqual([
      ['一', null, '(一)', []],
      ['一', '(一)', '1.', []],
      ['二', null, '(一)', []],
      ['二', '(一)', '1.', ['2020-12-31']],
      ['二', null, '(二)', []],
      ['二', '(二)', '1.', []],
      ['三', null, '2.', []],
      ['三', null, '(三)', []],
      ['三', '(三)', '1.', []],
    ]);
    expect(p.items[3].text).toContain('第（一）（二）（五）项内容');
    expect(p.items[6].leadUnits).toEqual(['市政府办公厅']);
  });

  it("PDF text of a table whose unit cells were printed apart: a measure line ending its sentence ends its row, the unnumbered rows after it are the task's", () => {
    const p = parsePlan(
      [
        '某市2022年政务公开工作要点任务分工',
        '工作任务 贯彻举措 牵头单位 责任单位',
        '一、提高政策公开质量',
        '（一）优化政策咨询服务。 1．加大政策咨询窗口建设力度。 市政府办公厅 各区县政府',
        '2．持续推进问答库建设，2022年底前全部入库。',
        '发挥问答库的积极作用，在5个工作日内主动回复咨询人。',
        '（二）规范执行政府信息公开制度。 1．完善保密审查制度。 市政府办公厅 各区县政府',
        '2．规范收取信息处理费。',
        // The measure's own text goes on: its unit cells close the row.
        '收费前报主管部门核准，6月底前完成。 市政府办公厅 各区县政府',
      ].join('\n'),
    );
    const [task, , measure, nextTask, , nextMeasure] = p.items;
    expect(measure.deadlines.map((d) => d.text)).toEqual(['2022年底前']);
    expect(measure.text).not.toContain('发挥问答库');
    expect(task.deadlines.map((d) => d.text)).toEqual(['5个工作日内']);
    expect(task.text).toContain('发挥问答库');
    expect(nextMeasure.deadlines.map((d) => d.text)).toEqual(['6月底前']);
    expect(nextTask.deadlines).toEqual([]);
  });

  it('PDF text of a table whose unit columns were interleaved with the measure lines: the pieces are put back together in their columns', () => {
    const p = parsePlan(
      [
        '某市2020年政务公开工作要点任务分工',
        '重点任务 贯彻举措 牵头单位 责任单位',
        '一、围绕优化营商环境加强公开',
        '（一）提高规则公开质量。 1．公开监管规则和标准。 市政府办公厅 市政府各部门、各区县政府',
        '2．加强窗口服务。 市市场监管局 市政府有关部门、各区县政府',
        '（二）助力做好“六稳”工作。',
        // From here a page printed the columns a line at a time: pieces of the 牵头单位 and 责任单位
        // cells between (and glued to) the wrapped lines of each measure.
        '1．加大稳就业政策公开力度，加',
        '市政府',
        '市人力',
        '大解读力度，加强舆论引导，主动回应',
        '有关部门、',
        '社保局',
        '热点问题，释放更多积极信号。',
        '各区县政府 2．加大稳金融政策公开力度，加',
        '市政府市金融',
        '大解读力度，加强舆论引导，',
        '有关部门、监管局主动回应热点问题，释放更多积极信各区县政府',
        '号。 3．协调各级各类媒体参与重要政',
        '市政府',
        '策的宣传报道，加强政策解读新闻发市政府各部门、各',
        '新闻办区县政府',
        '布，提振市场信心。',
      ].join('\n'),
    );
    expect(
      p.items.filter((i) => i.parentLabel === '(二)').map((i) => [i.label, i.title, i.leadUnits, i.responsibleUnits]),
    ).toEqual([
      [
        '1.',
        '加大稳就业政策公开力度，加大解读力度，加强舆论引导，主动回应热点问题，释放更多积极信号',
        ['市人力社保局'],
        ['市政府有关部门', '各区县政府'],
      ],
      [
        '2.',
        '加大稳金融政策公开力度，加大解读力度，加强舆论引导，主动回应热点问题，释放更多积极信号',
        ['市金融监管局'],
        ['市政府有关部门', '各区县政府'],
      ],
      [
        '3.',
        '协调各级各类媒体参与重要政策的宣传报道，加强政策解读新闻发布，提振市场信心',
        ['市政府新闻办'],
        ['市政府各部门', '各区县政府'],
      ],
    ]);
    // Rows printed whole are read as they are.
    expect(p.items[1].responsibleUnits).toEqual(['市政府各部门', '各区县政府']);
  });

  it('PDF text of a table: a task label alone among measures numbered from 1 again takes them when their numbering goes on after it; a section label alone takes the run begun without a heading', () => {
    const p = parsePlan(
      [
        '某市2020年政务公开工作要点任务分工',
        '重点任务 贯彻举措 牵头单位 责任单位',
        '一、围绕贯彻落实全会精神加强用权公开',
        '（一）以清单为依托。 1．公开权责清单。 市政府办公厅 各区县政府',
        '2．公开机构职能。 市政府办公厅 各区县政府',
        '1．加大稳就业政策公开力度。 市人力社保局 各区县政府',
        '2．加大稳金融政策公开力度。 市金融监管局 各区县政府',
        '（二）',
        '3．加大稳外贸政策公开力度。 市商务委 各区县政府',
        '（一）',
        '1．实时发布保居民就业相关政策信息。 市人力社保局 各区县政府',
        '二、',
        '2．实时发布保基本民生相关政策信息。 市发展改革委 各区县政府',
        '三、强化保障措施',
        '（一）加强培训。 1．开展培训。 市政府办公厅 各区县政府',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.section, i.parentLabel ?? null, i.label, i.leadUnits])).toEqual([
      ['一', null, '(一)', []],
      ['一', '(一)', '1.', ['市政府办公厅']],
      ['一', '(一)', '2.', ['市政府办公厅']],
      ['一', null, '(二)', []],
      ['一', '(二)', '1.', ['市人力社保局']],
      ['一', '(二)', '2.', ['市金融监管局']],
      ['一', '(二)', '3.', ['市商务委']],
      ['二', null, '(一)', []],
      ['二', '(一)', '1.', ['市人力社保局']],
      ['二', '(一)', '2.', ['市发展改革委']],
      ['三', null, '(一)', []],
      ['三', '(一)', '1.', ['市政府办公厅']],
    ]);
  });

  it('a unit cell whose names run together before a collective 各… name is split there; 市政府各部门 stays whole', () => {
    const p = parsePlan(
      [
        '某市2022年政务公开工作任务分工',
        '工作任务 牵头单位 责任单位',
        '1.公开计划执行情况。 市发展改革委 市市场监管局各区县政府',
        '2.公开营商环境政策。 市政府办公厅 市政府各部门各区县政府',
        '3.做好政策解读。 市政府办公厅 各区县政府各部门',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.leadUnits, i.responsibleUnits])).toEqual([
      [['市发展改革委'], ['市市场监管局', '各区县政府']],
      [['市政府办公厅'], ['市政府各部门', '各区县政府']],
      [['市政府办公厅'], ['各区县政府各部门']],
    ]);
  });

  it('tab-separated rows from a .docx table: columns by position, a merged cell empty below its first row', () => {
    const p = parsePlan(
      [
        '某市2022年工作任务分工',
        '工作任务\t牵头单位\t责任单位\t完成时限',
        '1.推进规划公开\t市发展改革委\t各区县政府\t6月底前',
        '2.做好政策解读\t\t\t年底前',
      ].join('\n'),
    );
    expect(units(p)).toEqual([
      ['1.', ['市发展改革委'], ['各区县政府']],
      ['2.', ['市发展改革委'], ['各区县政府']],
    ]);
    expect(p.items.map((i) => i.deadlines.map((d) => d.date))).toEqual([['2022-06-30'], ['2022-12-31']]);
  });
});
