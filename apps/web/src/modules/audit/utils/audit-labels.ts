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
