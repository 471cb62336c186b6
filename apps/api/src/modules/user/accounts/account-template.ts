import { newWorkbook } from '../../../common/heavy-libraries.js';

/** The account sheet to fill in: the header the import reads, two example rows, and the rules beside them. */
export async function accountTemplate(): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('账号');
  ws.columns = [30, 12, 12, 16, 26, 18, 16, 16].map((width) => ({ width }));
  ws.addRow(['单位', '姓名', '角色', '手机', '邮箱', '用户名', '企业微信账号', '钉钉userid']).font = { bold: true };
  ws.addRow(['省发展改革委', '张晓明', '联络员', '13800000000', 'zhangxm@example.gov.cn', '', 'ZhangXiaoMing', '']);
  ws.addRow(['省发展改革委', '李红', '分管领导', '', '', '']);
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 14 }, { width: 90 }];
  for (const row of [
    ['单位', '单位名录中的名称或别名（如 省发改委）；联络员和分管领导必填，工作人员和领导留空'],
    ['姓名', '必填'],
    ['角色', '联络员、分管领导、工作人员（政务公开办）或 领导；留空为联络员'],
    ['手机', '选填，用于联系和消息提醒'],
    ['邮箱', '选填，用于邮件提醒'],
    ['用户名', '选填：2 到 64 位字母、数字或 _ . @ -；留空时按姓名拼音生成（如 zhangxiaoming），重名加数字'],
    ['企业微信账号', '选填：企业微信（政务微信）通讯录中的“账号”（UserID），用于发送应用消息；留空时按手机号查找'],
    ['钉钉userid', '选填：钉钉（浙政钉）通讯录中的 UserID，用于发送工作通知；留空时按手机号查找'],
    ['初始密码', '导入后系统为每个账号生成一次性初始密码，可下载开通通知（名单 xlsx 和分单位 docx）'],
  ])
    help.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
