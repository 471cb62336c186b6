/**
 * How lists show a person's phone and e-mail (个人信息保护): enough to recognise whose it is, not enough
 * to call or write. The API masks for those who must not see them whole; the web masks list columns
 * even for those who may (the whole value is in the edit form).
 */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** z***@example.com */
export function maskEmail(email: string | null): string | null {
  if (!email) return email;
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
