import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { databaseFailure, type DatabaseFailure } from '../database/database-errors.js';
import { logger } from '../logging/logger.js';

export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The one error type services throw: a code the web app can branch on and a Chinese message it shows
 * as is. `detail` is for logs only (English), never sent to the client.
 */
export class AppError extends GraphQLError {
  constructor(
    code: ErrorCode,
    message: string,
    options: { detail?: string; field?: string; extensions?: Record<string, unknown> } = {},
  ) {
    super(message, { extensions: { ...options.extensions, code, ...(options.field ? { field: options.field } : {}) } });
    if (options.detail) Object.defineProperty(this, 'detail', { value: options.detail, enumerable: false });
  }
  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

export const badInput = (message: string, field?: string) => new AppError('BAD_USER_INPUT', message, { field });
export const notFound = (what = '记录') => new AppError('NOT_FOUND', `${what}不存在或无权访问`);
export const forbidden = (message = '没有权限执行此操作') => new AppError('FORBIDDEN', message);
export const unauthenticated = (message = '请先登录') => new AppError('UNAUTHENTICATED', message);
export const conflict = (message = '数据已被他人修改，请刷新后重试') => new AppError('CONFLICT', message);

const GRAPHQL_CODES_MESSAGES: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: '请求格式错误',
  GRAPHQL_VALIDATION_FAILED: '请求参数不符合接口定义',
  BAD_USER_INPUT: '输入有误',
  PERSISTED_QUERY_NOT_FOUND: '请求格式错误',
  PERSISTED_QUERY_NOT_SUPPORTED: '请求格式错误',
  OPERATION_RESOLUTION_FAILURE: '请求格式错误',
  BAD_REQUEST: '请求格式错误',
};

/**
 * What people read when the database refused for a reason of its own, not of their input. All are
 * retryable (`extensions.retryable`): repeating the same action a moment later is the right response.
 * A conflict between two transactions keeps CONFLICT, the rest are unavailability of the service.
 */
const DATABASE_FAILURES: Record<DatabaseFailure, { code: ErrorCode; message: string }> = {
  unavailable: { code: 'INTERNAL_SERVER_ERROR', message: '数据库暂时无法连接，请稍后重试' },
  'read-only': { code: 'INTERNAL_SERVER_ERROR', message: '数据库正在主备切换，暂时只能查看，请稍后重试保存' },
  serialization: { code: 'CONFLICT', message: '与他人同时进行的操作冲突，未能保存，请重试' },
  deadlock: { code: 'CONFLICT', message: '与他人同时进行的操作相互等待，未能保存，请重试' },
  // Waiting for a row someone else is changing: the same situation as a conflict, met later.
  'lock-timeout': { code: 'CONFLICT', message: '该记录正被他人修改，等待超时，未能保存，请稍后重试' },
  'statement-timeout': { code: 'INTERNAL_SERVER_ERROR', message: '数据库处理超时，未能完成，请稍后重试' },
};

/**
 * PostgreSQL's data exceptions (class 22) come from values a client sent that the column type cannot
 * hold: a malformed id, a NUL byte in text, an out-of-range number or date. They are bad input, not
 * server faults; a malformed id names no row, so it reads as "not found" like any unknown id.
 */
function fromDataException(original: unknown): AppError | null {
  const driver = (original as { driverError?: { code?: unknown; message?: unknown } })?.driverError ?? original;
  const code = (driver as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('22')) return null;
  const message = String((driver as { message?: unknown }).message ?? '');
  // Its message quotes the refused value, which may be anything a client sent: only the code is logged.
  logger().info({ code }, 'database refused a client value');
  if (code === '22P02' && message.includes('uuid')) return notFound();
  return badInput('输入有误：包含无法保存的字符或超出范围的数值、日期');
}

/**
 * Apollo's formatError: our AppErrors pass through; GraphQL's own validation errors keep their code
 * with a Chinese message (the English original stays in the log); anything else is an internal error
 * whose details are logged but never leaked.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  if (original instanceof AppError) {
    return { message: original.message, path: formatted.path, extensions: { ...original.extensions } };
  }
  const failure = databaseFailure(original);
  if (failure) {
    logger().warn({ err: original, path: formatted.path, failure }, 'database refused the request');
    const { code, message } = DATABASE_FAILURES[failure];
    return {
      message,
      path: formatted.path,
      extensions: { code, reason: `DATABASE_${failure.toUpperCase().replaceAll('-', '_')}`, retryable: true },
    };
  }
  const data = fromDataException(original);
  if (data) return { message: data.message, path: formatted.path, extensions: { ...data.extensions } };
  // A GraphQLError with no thrown cause and no field path was raised about the request itself (an
  // operation type the schema does not serve, a persisted-query hash that does not match), not by
  // our code. Checked by name: Apollo loads graphql's CommonJS build, so instanceof would fail here.
  const requestLevel =
    (error as Error)?.name === 'GraphQLError' && !(error as GraphQLError).originalError && !formatted.path;
  if (requestLevel && (formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR') === 'INTERNAL_SERVER_ERROR') {
    logger().info({ message: formatted.message }, 'graphql request rejected');
    return { message: '请求格式错误', locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT' } };
  }
  const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  if (code in GRAPHQL_CODES_MESSAGES && /[\u4e00-\u9fff]/.test(formatted.message)) {
    // Our own limit errors are already written for users.
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  if (code in GRAPHQL_CODES_MESSAGES) {
    logger().info({ code, message: formatted.message }, 'graphql request rejected');
    // The message people see is Chinese; graphql-js's English explanation goes to the log and to
    // `extensions.detail` for developers integrating with the API.
    return {
      message: GRAPHQL_CODES_MESSAGES[code],
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code, detail: formatted.message },
    };
  }
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') {
    return {
      message: code === 'FORBIDDEN' ? '没有权限执行此操作' : '请先登录',
      path: formatted.path,
      extensions: { code },
    };
  }
  logger().error({ err: original, path: formatted.path }, 'unhandled error in GraphQL request');
  return { message: '服务器内部错误，请稍后重试', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
