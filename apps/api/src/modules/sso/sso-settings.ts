import { badInput } from '../../common/app-error.js';
import type { Role } from '../../common/enums.js';

export const SSO_MATCH_FIELDS = ['USERNAME', 'PHONE', 'EMAIL'] as const;
export type SsoMatchField = (typeof SSO_MATCH_FIELDS)[number];
/** Accounts made at a first sign-in never get an office role: the office decides who runs Duban. */
export const SSO_DEFAULT_ROLES: readonly Role[] = ['UNIT_LIAISON', 'UNIT_LEADER', 'LEADERSHIP'];

export interface SsoSettings {
  enabled: boolean;
  issuer: string;
  clientId: string;
  claim: string;
  matchField: SsoMatchField;
  passwordAllowed: boolean;
  createUsers: boolean;
  defaultRole: Role;
}

/** Checks what the office admin typed; the issuer must be https (http only for a loopback test provider). */
export function checkSsoSettings(input: SsoSettings, allowHttpLoopback: boolean): SsoSettings {
  const issuer = input.issuer.trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw badInput('身份认证平台地址（Issuer）应为完整网址，如 https://sso.example.gov.cn', 'issuer');
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback && allowHttpLoopback))
    throw badInput('身份认证平台地址必须使用 https', 'issuer');
  if (url.search || url.hash || url.username || url.password || issuer.length > 500)
    throw badInput('身份认证平台地址不能带参数、锚点或账号', 'issuer');
  const clientId = input.clientId.trim();
  if (!clientId || clientId.length > 200)
    throw badInput('请填写客户端标识（Client ID），不超过 200 个字符', 'clientId');
  const claim = input.claim.trim();
  if (!/^[A-Za-z0-9_.:-]{1,80}$/.test(claim))
    throw badInput('匹配字段（声明名）只能包含字母、数字和 _ . : -，如 preferred_username', 'claim');
  if (!SSO_MATCH_FIELDS.includes(input.matchField)) throw badInput('匹配的账号字段无效', 'matchField');
  if (!SSO_DEFAULT_ROLES.includes(input.defaultRole))
    throw badInput('自动创建账号的默认角色只能是单位联络员、单位分管领导或领导', 'defaultRole');
  // Only the settings themselves: a client secret passed along in the same input must not travel on.
  return {
    enabled: input.enabled,
    issuer,
    clientId,
    claim,
    matchField: input.matchField,
    passwordAllowed: input.passwordAllowed,
    createUsers: input.createUsers,
    defaultRole: input.defaultRole,
  };
}

/**
 * The path to open after sign-in: only a path of this app. Anything that could leave it (`//host`,
 * `/\host`, a scheme, control characters) or loop back to sign-in falls back to the home page.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return '/';
  if (
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\') ||
    /[\u0000-\u001f\u007f\\]/.test(value)
  )
    return '/';
  if (/^\/(login|auth\/)/.test(value)) return '/';
  try {
    // Resolved against a dummy origin the path must stay on it.
    if (new URL(value, 'http://duban.invalid').origin !== 'http://duban.invalid') return '/';
  } catch {
    return '/';
  }
  return value;
}
