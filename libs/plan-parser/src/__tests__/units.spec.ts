import { parsePlan } from '../index.js';

/** Parses one item `1.正文。<annotation>` and returns its units. */
function unitsOf(annotation: string, body = '做好公开工作。') {
  const item = parsePlan(`某省2021年政务公开工作要点\n1.${body}${annotation}\n`).items[0];
  return {
    lead: item.leadUnits,
    responsible: item.responsibleUnits,
    open: item.unitsOpenEnded,
    warnings: parsePlan(`1.${body}${annotation}`).warnings,
  };
}

describe('unit annotations', () => {
  it.each([
    [
      '(牵头单位:省发展改革委、省自然资源厅;责任单位:各市政府、省政府有关部门)',
      ['省发展改革委', '省自然资源厅'],
      ['各市政府', '省政府有关部门'],
    ],
    [
      '（牵头单位：行政服务中心筹建办，责任单位：各有关部门、单位）',
      ['行政服务中心筹建办'],
      ['各有关部门', '各有关单位'],
    ],
    [
      '〔牵头单位：省政府办公厅、省营商局（大数据局）；责任单位：各市政府〕',
      ['省政府办公厅', '省营商局（大数据局）'],
      ['各市政府'],
    ],
    ['[牵头单位：市政府办公室；配合单位：市委宣传部、市融媒体中心]', ['市政府办公室'], ['市委宣传部', '市融媒体中心']],
    ['【责任单位：市财政局】', [], ['市财政局']],
    ['〔责任单位：各县（市、区）人民政府〕', [], ['各县（市、区）人民政府']],
    ['(省发展改革委牵头,省财政厅、省审计厅按照职责分工负责)', ['省发展改革委'], ['省财政厅', '省审计厅']],
    [
      '(责任部门:政务公开领导小组办公室牵头落实,各相关职能部门、各相关派驻机构具体落实。)',
      ['政务公开领导小组办公室'],
      ['各相关职能部门', '各相关派驻机构'],
    ],
    ['(市人社局会同市教育局负责)', ['市人社局'], ['市教育局']],
    ['(各部门、各单位落实)', [], ['各部门', '各单位']],
    ['(各部门、各单位按职责分工分别落实)', [], ['各部门', '各单位']],
    [
      '(责任部门:党政综合办公室、新闻中心,各开发区,各乡、街。)',
      [],
      ['党政综合办公室', '新闻中心', '各开发区', '各乡', '各街'],
    ],
    [
      '(责任部门:各开发区,新区各委、办、局,各市直派驻机构。)',
      [],
      ['各开发区', '新区各委', '新区各办', '新区各局', '各市直派驻机构'],
    ],
    ['(各市、县(区)人民政府落实)', [], ['各市人民政府', '各县(区)人民政府']],
    ['（各省、自治区、直辖市人民政府负责）', [], ['各省人民政府', '各自治区人民政府', '各直辖市人民政府']],
    ['(省财政厅和省税务局负责)', [], ['省财政厅', '省税务局']],
    ['(省住房和城乡建设厅负责)', [], ['省住房和城乡建设厅']],
    ['（省发展改革委、省财政厅）', [], ['省发展改革委', '省财政厅']],
  ])('%s', (annotation, lead, responsible) => {
    const r = unitsOf(annotation);
    expect(r.lead).toEqual(lead);
    expect(r.responsible).toEqual(responsible);
    expect(r.open).toBe(false);
  });

  it('flags open-ended lists and drops the generic tail', () => {
    const r = unitsOf('(经发局、城建局、国土分局等有关部门落实)');
    expect(r.responsible).toEqual(['经发局', '城建局', '国土分局']);
    expect(r.open).toBe(true);
  });

  it('takes the union of several annotations in one item', () => {
    const r = unitsOf('(牵头单位:省政府办公厅)', '做好公开工作。(省财政厅负责)第二句。');
    expect(r.lead).toEqual(['省政府办公厅']);
    expect(r.responsible).toEqual(['省财政厅']);
  });

  it('reads an unbracketed role line after the item text', () => {
    const plan = parsePlan(
      '某市2022年工作要点\n1.做好公开工作。\n牵头单位：市政府办公室；责任单位：各区政府\n2.第二项。',
    );
    expect(plan.items[0].leadUnits).toEqual(['市政府办公室']);
    expect(plan.items[0].responsibleUnits).toEqual(['各区政府']);
  });

  it('joins unit names broken by line breaks and stray spaces', () => {
    const plan = parsePlan('某市2022年工作要点\n1.做好公开工作。(牵头单位:市发展\n改革委、市 财政局)\n2.第二项。');
    expect(plan.items[0].leadUnits).toEqual(['市发展改革委', '市财政局']);
  });

  it('keeps spam or garbled unit names as written and warns', () => {
    const r = unitsOf('(牵头单位:即时比分、省政府办公厅)');
    expect(r.lead).toEqual(['即时比分', '省政府办公厅']);
    expect(r.warnings.join('\n')).toContain('即时比分');
  });

  it('ignores brackets that are not annotations', () => {
    const r = unitsOf('', '按照《通知》(国办发〔2021〕12号)要求,公开(PPP)项目和村(居)务信息。');
    expect(r.lead).toEqual([]);
    expect(r.responsible).toEqual([]);
  });

  it('reads traditional annotations and outputs them as written', () => {
    const r = unitsOf('（牽頭單位：省發展改革委；責任單位：各市政府、省直各有關部門、單位）');
    expect(r.lead).toEqual(['省發展改革委']);
    expect(r.responsible).toEqual(['各市政府', '省直各有關部門', '省直各有關單位']);
  });
});
