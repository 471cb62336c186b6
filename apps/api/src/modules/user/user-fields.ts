import { badInput } from '../../common/app-error.js';

/** Same rule as the app_user CHECK constraint, so a bad username is a clear message, not a server error. */
const USERNAME = /^[A-Za-z0-9_.@-]{2,64}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9+\-() ]{5,20}$/;

export function checkUsername(raw: string): string {
  const username = raw.trim();
  if (!USERNAME.test(username)) throw badInput('用户名为 2 到 64 位字母、数字或 _ . @ -', 'username');
  return username;
}

export function checkDisplayName(raw: string): string {
  const name = raw.replace(/\s+/gu, ' ').trim();
  if (!name) throw badInput('姓名不能为空', 'displayName');
  if ([...name].length > 50) throw badInput('姓名不能超过 50 个字', 'displayName');
  return name;
}

export function checkEmail(raw: string | null | undefined): string | null {
  const email = raw?.trim();
  if (!email) return null;
  if (email.length > 254 || !EMAIL.test(email)) throw badInput('邮箱格式不正确', 'email');
  return email;
}

export function checkPhone(raw: string | null | undefined): string | null {
  const phone = raw?.trim();
  if (!phone) return null;
  if (!PHONE.test(phone)) throw badInput('电话号码格式不正确', 'phone');
  return phone;
}

// The platforms' own formats (企业微信 账号, 钉钉 userid), as the app_user CHECK constraints have them.
const WECOM_USERID = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/;
const DINGTALK_USERID = /^[A-Za-z0-9_$.@-]{1,64}$/;

export function checkWecomUserid(raw: string | null | undefined): string | null {
  const id = raw?.trim();
  if (!id) return null;
  if (!WECOM_USERID.test(id))
    throw badInput('企业微信账号为 1 到 64 位字母、数字或 _ . @ -，以字母或数字开头', 'wecomUserid');
  return id;
}

export function checkDingtalkUserid(raw: string | null | undefined): string | null {
  const id = raw?.trim();
  if (!id) return null;
  if (!DINGTALK_USERID.test(id)) throw badInput('钉钉 userid 为 1 到 64 位字母、数字或 _ $ . @ -', 'dingtalkUserid');
  return id;
}
