import { CustomScalar, Scalar } from '@nestjs/graphql';
import { Kind, type ValueNode } from 'graphql';
import { badInput } from './app-error.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day ('YYYY-MM-DD') in Asia/Shanghai: due dates are days, not instants. */
export function parseLocalDate(value: unknown): string {
  if (typeof value !== 'string' || !DATE.test(value))
    throw badInput(`日期格式应为 YYYY-MM-DD：${String(value).slice(0, 30)}`);
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    throw badInput(`日期不存在：${value}`);
  return value;
}

@Scalar('LocalDate', () => LocalDateScalar)
export class LocalDateScalar implements CustomScalar<string, string> {
  description = 'A calendar day YYYY-MM-DD (Asia/Shanghai)';

  parseValue(value: unknown): string {
    return parseLocalDate(value);
  }

  serialize(value: unknown): string {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return String(value);
  }

  parseLiteral(ast: ValueNode): string {
    if (ast.kind !== Kind.STRING) throw badInput('日期应为字符串 YYYY-MM-DD');
    return parseLocalDate(ast.value);
  }
}
