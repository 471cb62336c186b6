import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { logger } from '../logging/logger.js';

export const ERROR_CODES = ['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'INTERNAL_SERVER_ERROR'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The one error type services throw: a code the web app can branch on and a Chinese message it shows
 * as is. `detail` is for logs only (English), never sent to the client.
 */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, options: { detail?: string; field?: string } = {}) {
    super(message, { extensions: { code, ...(options.field ? { field: options.field } : {}) } });
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
  BAD_REQUEST: '请求格式错误',
};

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
  const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  if (code in GRAPHQL_CODES_MESSAGES && /[\u4e00-\u9fff]/.test(formatted.message)) {
    // Our own limit errors are already written for users.
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  if (code in GRAPHQL_CODES_MESSAGES) {
    logger().info({ code, message: formatted.message }, 'graphql request rejected');
    return { message: `${GRAPHQL_CODES_MESSAGES[code]}：${formatted.message}`, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') {
    return { message: code === 'FORBIDDEN' ? '没有权限执行此操作' : '请先登录', path: formatted.path, extensions: { code } };
  }
  logger().error({ err: original, path: formatted.path }, 'unhandled error in GraphQL request');
  return { message: '服务器内部错误，请稍后重试', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
