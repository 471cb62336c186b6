import { maskEmail, maskPhone } from '@duban/domain';
import { Typography } from 'antd';

/**
 * A phone number or e-mail address in a list (账号管理): masked even for the 系统管理员, who reads it
 * whole in the account's edit form; the whole value never reaches the list's DOM.
 */
export function MaskedContact({ value, kind }: { value: string | null; kind: 'phone' | 'email' }) {
  const masked = kind === 'phone' ? maskPhone(value) : maskEmail(value);
  return masked ? <Typography.Text>{masked}</Typography.Text> : null;
}
