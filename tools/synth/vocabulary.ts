// Chinese names and texts in the register of the documents the offices work with. The lists are
// fixed so that a seed fully determines the output.
import type { Prng } from '@duban/domain';

export const PROVINCE_DEPARTMENTS = [
  '发展改革委',
  '教育厅',
  '科技厅',
  '工业和信息化厅',
  '民族宗教委',
  '公安厅',
  '民政厅',
  '司法厅',
  '财政厅',
  '人力资源社会保障厅',
  '自然资源厅',
  '生态环境厅',
  '住房城乡建设厅',
  '交通运输厅',
  '水利厅',
  '农业农村厅',
  '商务厅',
  '文化和旅游厅',
  '卫生健康委',
  '退役军人事务厅',
  '应急管理厅',
  '审计厅',
  '外事办',
  '国资委',
  '市场监管局',
  '广电局',
  '体育局',
  '统计局',
  '医保局',
  '林草局',
  '机关事务管理局',
  '地方金融监管局',
  '营商环境建设局',
  '信访局',
  '粮食和储备局',
  '能源局',
  '药监局',
  '知识产权局',
  '乡村振兴局',
  '人防办',
  '数据局',
  '政务服务中心',
];

export const CITY_DEPARTMENTS = [
  '发展改革局',
  '教育局',
  '科技局',
  '工业和信息化局',
  '公安局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源社会保障局',
  '自然资源局',
  '生态环境局',
  '住房城乡建设局',
  '交通运输局',
  '水务局',
  '农业农村局',
  '商务局',
  '文化旅游局',
  '卫生健康委',
  '退役军人事务局',
  '应急管理局',
  '审计局',
  '国资委',
  '市场监管局',
  '体育局',
  '统计局',
  '医保局',
  '城市管理局',
  '信访局',
  '营商环境建设局',
  '政务服务中心',
];

export const AGENCIES = [
  '税务局',
  '气象局',
  '通信管理局',
  '海关',
  '银保监局',
  '烟草专卖局',
  '电力公司',
  '邮政管理局',
  '地震局',
  '消防救援总队',
];

const PLACE_CHARS = '安宁平阳河江山海兴丰庆泰清源德昌华盛永和新东西南北长青云松兰桂金石龙凤瑞福康乐嘉明光宝铁沙'.split(
  '',
);

/** A two-character place name not yet in `taken`. */
export function placeName(rng: Prng, taken: Set<string>): string {
  for (;;) {
    const name = rng.pick(PLACE_CHARS) + rng.pick(PLACE_CHARS);
    if (name[0] !== name[1] && !taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

const TOWN_SUFFIXES = ['镇人民政府', '乡人民政府', '街道办事处'];
export const townSuffix = (rng: Prng) => rng.pick(TOWN_SUFFIXES);

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段'.split(
    '',
  );
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力国庆东峰晨鹏宇浩然欣怡志宏海波宁'.split(
  '',
);

export function personName(rng: Prng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.7) ? rng.pick(GIVEN) : '');
}

/** The plans an office supervises in a year, with the share of the year's key points each carries. */
export const PLAN_KINDS = [
  { title: (y: number, gov: string) => `${y}年${gov}政务公开工作要点`, issuer: '办公厅', share: 0.34 },
  { title: (y: number, gov: string) => `${y}年${gov}重点工作任务分工方案`, issuer: '办公厅', share: 0.33 },
  {
    title: (y: number, gov: string) => `${y}年${gov}优化营商环境重点任务督办清单`,
    issuer: '营商环境建设局',
    share: 0.33,
  },
];

export const SECTION_TITLES = [
  '加强政策解读和回应关切',
  '深化重点领域信息公开',
  '推进政务公开平台建设',
  '提升政务公开工作质量',
  '强化政务公开保障措施',
  '聚焦稳经济促发展',
  '助力优化营商环境',
  '围绕保障和改善民生',
  '推进决策和执行公开',
  '加强组织领导',
];

const VERBS = ['做好', '加强', '深化', '推进', '强化', '完善', '抓好', '持续推进', '全面落实', '规范'];
const OBJECTS = [
  '财政预决算信息公开',
  '重大建设项目批准和实施领域信息公开',
  '公共资源配置领域信息公开',
  '义务教育领域信息公开',
  '减税降费政策解读',
  '政府信息公开申请办理',
  '政府网站集约化建设',
  '政务新媒体规范管理',
  '政策文件集中公开',
  '行政规范性文件合法性审查',
  '“放管服”改革举措公开',
  '市场监管执法信息公开',
  '生态环境信息公开',
  '食品药品安全信息公开',
  '就业创业政策宣传解读',
  '社会救助信息公开',
  '重大行政决策预公开',
  '政府开放日活动',
  '基层政务公开标准化规范化',
  '政务服务事项清单公开',
  '“互联网+监管”信息公开',
  '突发事件信息发布',
  '政务舆情回应',
  '乡村振兴政策落实情况公开',
  '医疗保障信息公开',
  '安全生产信息公开',
  '惠企政策兑现情况公开',
  '营商环境评价结果公开',
  '建议提案办理结果公开',
  '审计查出问题整改情况公开',
];
const PURPOSES = ['工作', '相关工作', '专项工作', '长效机制建设', '工作落实'];

export function keyPointTitle(rng: Prng): string {
  return rng.pick(VERBS) + rng.pick(OBJECTS) + rng.pick(PURPOSES);
}

export function keyPointText(rng: Prng, title: string): string {
  return `${title}。${rng.pick([
    '及时准确发布相关信息，主动回应社会关切。',
    '建立健全工作台账，明确责任分工，确保各项任务落到实处。',
    '加大政策解读力度，通过图表图解、视频音频等方式提升解读效果。',
    '按季度梳理公开情况，对未按要求公开的及时督促整改。',
  ])}`;
}

export function reportText(rng: Prng, title: string, progress: number, completion: boolean): string {
  const head = completion
    ? `我单位已全面完成“${title}”相关任务。`
    : `我单位持续推进“${title}”，目前完成约${progress}%。`;
  return (
    head +
    rng.pick([
      '本期通过门户网站发布相关信息' + rng.int(2, 40) + '条，开展政策解读' + rng.int(1, 6) + '次。',
      '已召开专题会议研究部署，明确专人负责，相关信息已在政府信息公开专栏发布。',
      '已完成相关制度修订并公开，下一步将继续加强督促检查。',
      '已通过政务新媒体同步推送，并对公众留言逐一回复。',
    ])
  );
}

export const RETURN_REASONS = [
  '佐证材料不充分，请补充公开网址',
  '报送内容与任务要求不符，请补充完成情况',
  '公开页面无法访问，请核实后重新报送',
  '请补充量化数据',
];
export const DELAY_REASONS = [
  '因上级政策调整，需待配套文件出台后实施',
  '涉及多部门会签，流程时间较长',
  '受项目建设进度影响，需顺延完成',
  '系统建设招标延后，申请延期',
];
export const REFUSE_COMMENTS = ['延期理由不充分，请按原定时限完成', '该任务为年度重点任务，不予延期'];
export const INSTRUCTIONS = [
  '请相关单位高度重视，确保按期完成。',
  '此项工作群众关注度高，要加大公开力度。',
  '请办公室加强跟踪督办，每月报告进展。',
];

export function urgeMessage(title: string, days: number): string {
  return `“${title}”已超过完成时限，请于${days}个工作日内报送办理进展。`;
}
