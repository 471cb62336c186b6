/** The audit log's action codes in the office's words; codes not listed show as they are. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  sign_in: '登录',
  sign_out: '退出登录',
  'session.timeout': '会话超时',
  'account.lock': '账号锁定',
  'password.change': '修改密码',
  'password.reset': '重置密码',
  export: '导出/下载',
  read: '查看其他单位数据',
  create: '新建',
  update: '修改',
  delete: '删除',
  'audit.archive': '审计记录归档',
  'sso.settings': '统一身份认证设置',
  'security-policy.update': '修改安全策略',
  'two-factor.enrol': '启用两步验证',
  'two-factor.reset': '重置两步验证',
  'two-factor.recovery-code': '使用恢复码登录',
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  user: '账号',
  tenant: '本机构',
  unit: '单位',
  task: '任务',
  report: '报送',
  plan: '工作要点',
  download: '文件',
};

export const CHAIN_BREAK_LABELS: Record<string, string> = {
  missing: '记录缺失（被删除）',
  altered: '记录被篡改',
  unsealed: '记录未经系统写入（被插入）',
};

export const actionLabel = (action: string) => AUDIT_ACTION_LABELS[action] ?? action;
export const entityLabel = (type: string) => AUDIT_ENTITY_LABELS[type] ?? type;

/** Why a sign-in failed, as the server records it (English, for logs) in the office's words. */
export const SIGN_IN_FAILURE_LABELS: Record<string, string> = {
  'wrong password': '密码错误',
  'unknown user': '用户名不存在',
  'account locked': '账号已锁定',
  throttled: '尝试过于频繁，被暂时阻止',
  deactivated: '账号已停用',
  'one-time password expired': '一次性密码已过期',
  'second factor required': '密码正确，待输入动态验证码',
  'wrong second factor': '动态验证码错误或已使用过',
};

/** Why the server ended a session (session-lifetime.ts's SessionEnd codes). */
const SESSION_END_LABELS: Record<string, string> = {
  SESSION_IDLE: '长时间未操作，自动退出',
  SESSION_EXPIRED: '超过登录最长有效时间',
};

const parse = (json: string | null | undefined): Record<string, unknown> | null => {
  if (!json) return null;
  try {
    const value = JSON.parse(json);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

/** A record's content in one readable line where the action is known; the raw values otherwise. */
export function describeRecord(r: {
  action: string;
  before?: string | null;
  after?: string | null;
  note?: string | null;
}): string {
  const after = parse(r.after);
  if (r.action === 'sign_in' && after?.reason) {
    const reason = String(after.reason);
    return `失败原因：${SIGN_IN_FAILURE_LABELS[reason] ?? reason}（用户名 ${String(after.username ?? '')}）`;
  }
  if (r.action === 'session.timeout' && r.note) return SESSION_END_LABELS[r.note] ?? r.note;
  if (r.action === 'sign_in' && after?.via) return after.via === 'sso' ? '统一身份认证登录' : '密码登录';
  if (r.action === 'export' && after?.route) {
    const filters = Object.entries((after.filters as Record<string, string>) ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join('，');
    const file = after.file ? `文件“${String(after.file)}”` : String(after.route);
    return `${file}${filters ? `；筛选条件：${filters}` : ''}${after.reason ? `；未成功：${String(after.reason)}` : ''}`;
  }
  return [r.before && `原：${r.before}`, r.after && `新：${r.after}`, r.note && `说明：${r.note}`]
    .filter(Boolean)
    .join('\n');
}
