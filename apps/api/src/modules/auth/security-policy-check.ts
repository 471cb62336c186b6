import { USER_ROLES, type UserRole } from '@duban/domain';
import { badInput } from '../../common/app-error.js';
import { SECURITY_POLICY_BOUNDS, type NumericPolicyKey, type SecurityPolicy } from './security-policy.js';

// Apart from security-policy.ts because its errors are GraphQL errors (AppError), which the CLI need not load.

/** Validates a whole policy as the security admin submits it; throws a Chinese BAD_USER_INPUT. */
export function checkSecurityPolicy(input: Record<keyof SecurityPolicy, unknown>): SecurityPolicy {
  const out = {} as SecurityPolicy;
  for (const key of Object.keys(SECURITY_POLICY_BOUNDS) as NumericPolicyKey[]) {
    const { label, min, max } = SECURITY_POLICY_BOUNDS[key];
    const value = input[key];
    if (!Number.isInteger(value) || (value as number) < min || (value as number) > max)
      throw badInput(`${label}应为 ${min} 到 ${max} 之间的整数`, key);
    out[key] = value as number;
  }
  const roles = input.twoFactorRoles;
  if (!Array.isArray(roles) || roles.some((r) => !USER_ROLES.includes(r as UserRole)))
    throw badInput('须使用两步验证的角色无效', 'twoFactorRoles');
  out.twoFactorRoles = USER_ROLES.filter((r) => roles.includes(r));
  if (typeof input.watermark !== 'boolean') throw badInput('水印设置无效', 'watermark');
  out.watermark = input.watermark;
  if (out.sessionIdleMinutes > out.sessionMaxHours * 60)
    throw badInput('无操作自动退出时间不能长于会话最长有效时间', 'sessionIdleMinutes');
  return out;
}
