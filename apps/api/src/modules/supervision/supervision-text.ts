import { badInput } from '../../common/app-error.js';

/** Trimmed free text within limits, or a Chinese BAD_USER_INPUT naming the field. */
export function requiredText(value: string | null | undefined, field: string, label: string, min: number, max: number): string {
  const text = (value ?? '').trim();
  if (text.length < min) throw badInput(`请填写${label}（至少 ${min} 个字）`, field);
  if (text.length > max) throw badInput(`${label}不能超过 ${max} 个字`, field);
  return text;
}
