import type { SecurityPolicy, UserRole } from '@duban/domain';

// The policy's shape lives in the domain lib, where the assessor's view reads it too; the rules that
// enforce it are here: the defaults standing in for a tenant that never saved one, and the checks.
// Nothing here throws an API error, so the CLI reads these rules without loading GraphQL: validating
// a submitted policy is in security-policy-check.ts.
export type { SecurityPolicy };

export type NumericPolicyKey = Exclude<keyof SecurityPolicy, 'twoFactorRoles' | 'watermark'>;

export const DEFAULT_SECURITY_POLICY: Readonly<SecurityPolicy> = Object.freeze({
  passwordMinLength: 8,
  passwordMinClasses: 2,
  passwordHistory: 5,
  passwordMaxAgeDays: 90,
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
  twoFactorRoles: Object.freeze(['OFFICE_ADMIN', 'SECURITY_ADMIN', 'SECURITY_AUDITOR']) as unknown as UserRole[],
  watermark: false,
});

/** The bounds each setting may take, with its Chinese name for messages and the settings page. */
export const SECURITY_POLICY_BOUNDS: Record<NumericPolicyKey, { label: string; min: number; max: number }> = {
  passwordMinLength: { label: '密码最小长度', min: 8, max: 64 },
  passwordMinClasses: { label: '密码须包含的字符种类数', min: 2, max: 4 },
  passwordHistory: { label: '不得重复使用的历史密码个数', min: 0, max: 24 },
  passwordMaxAgeDays: { label: '密码有效期（天）', min: 0, max: 365 },
  sessionIdleMinutes: { label: '无操作自动退出时间（分钟）', min: 5, max: 240 },
  sessionMaxHours: { label: '会话最长有效时间（小时）', min: 1, max: 72 },
};

const CLASSES: [RegExp, string][] = [
  [/[a-z]/, '小写字母'],
  [/[A-Z]/, '大写字母'],
  [/\d/, '数字'],
  [/[^A-Za-z0-9]/, '特殊字符'],
];
export const MAX_PASSWORD_LENGTH = 128;

/** The rule in words, as the change-password form and the settings page state it. */
export function describePasswordRule(policy: Pick<SecurityPolicy, 'passwordMinLength' | 'passwordMinClasses'>): string {
  const mix =
    policy.passwordMinClasses >= 4
      ? '须同时包含大写字母、小写字母、数字和特殊字符'
      : `须包含字母和数字，且至少含大写字母、小写字母、数字、特殊字符中的 ${policy.passwordMinClasses} 种`;
  return `至少 ${policy.passwordMinLength} 位，${mix}，不能包含用户名`;
}

/**
 * Why a password breaks the policy (a Chinese reason), or null. Every password holds a letter and a
 * digit whatever the policy says; the policy adds length, the number of classes, and never the username.
 */
export function passwordProblem(
  password: string,
  policy: Pick<SecurityPolicy, 'passwordMinLength' | 'passwordMinClasses'> = DEFAULT_SECURITY_POLICY,
  username?: string,
): string | null {
  if (password.length < policy.passwordMinLength) return `密码至少 ${policy.passwordMinLength} 位`;
  if (password.length > MAX_PASSWORD_LENGTH) return `密码不能超过 ${MAX_PASSWORD_LENGTH} 位`;
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字';
  const held = CLASSES.filter(([re]) => re.test(password)).length;
  if (held < policy.passwordMinClasses)
    return `密码须至少包含大写字母、小写字母、数字、特殊字符中的 ${policy.passwordMinClasses} 种`;
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase()))
    return '密码不能包含用户名';
  return null;
}

/** The password was set (or the policy came into force) longer ago than the policy allows. */
export function passwordExpired(
  changedAt: Date | null,
  policy: Pick<SecurityPolicy, 'passwordMaxAgeDays'>,
  now: Date,
): boolean {
  if (!policy.passwordMaxAgeDays || !changedAt) return false;
  return now.getTime() - changedAt.getTime() >= policy.passwordMaxAgeDays * 24 * 3600 * 1000;
}
