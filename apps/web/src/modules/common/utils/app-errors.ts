import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

export type ApiErrorCode =
  'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'INTERNAL_SERVER_ERROR';

/** Fallback texts when the server gives no usable message (network failures, proxies, crashes). */
const FALLBACK: Record<string, string> = {
  BAD_USER_INPUT: '输入有误，请检查后重试',
  UNAUTHENTICATED: '登录已过期，请重新登录',
  FORBIDDEN: '没有权限执行此操作',
  NOT_FOUND: '记录不存在或无权访问',
  CONFLICT: '数据已被他人修改，请刷新后重试',
  INTERNAL_SERVER_ERROR: '服务器内部错误，请稍后重试',
  NETWORK: '无法连接服务器，请检查网络后重试',
};

export interface ApiErrorInfo {
  code: ApiErrorCode | 'NETWORK';
  message: string;
  field?: string;
  /** Further facts the API attached (e.g. the plan a duplicate import already is). */
  extensions?: Record<string, unknown>;
}

/** The first error of an Apollo error (or anything thrown), reduced to what the UI shows. */
export function describeError(error: unknown): ApiErrorInfo {
  if (CombinedGraphQLErrors.is(error) && error.errors.length) {
    const first = error.errors[0];
    const code = String(first.extensions?.code ?? 'INTERNAL_SERVER_ERROR') as ApiErrorCode;
    const field = typeof first.extensions?.field === 'string' ? first.extensions.field : undefined;
    // The API's messages are Chinese and meant to be shown as they are.
    return {
      code,
      message: first.message || FALLBACK[code] || FALLBACK.INTERNAL_SERVER_ERROR,
      field,
      extensions: first.extensions,
    };
  }
  // The upload endpoints answer `{ code, message, field, extensions }`; their client rethrows it as an Error with those.
  const coded = error as {
    code?: unknown;
    message?: unknown;
    field?: unknown;
    extensions?: Record<string, unknown>;
  } | null;
  if (error instanceof Error && typeof coded?.code === 'string' && coded.code in FALLBACK) {
    return {
      code: coded.code as ApiErrorCode | 'NETWORK',
      message: error.message || FALLBACK[coded.code],
      field: typeof coded.field === 'string' ? coded.field : undefined,
      extensions: coded.extensions,
    };
  }
  if (ServerError.is(error)) {
    return {
      code: error.statusCode === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR',
      message: FALLBACK[error.statusCode === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR'],
    };
  }
  if (error instanceof TypeError || (error instanceof Error && /fetch|network/i.test(error.message))) {
    return { code: 'NETWORK', message: FALLBACK.NETWORK };
  }
  return { code: 'INTERNAL_SERVER_ERROR', message: FALLBACK.INTERNAL_SERVER_ERROR };
}

export function errorMessage(error: unknown): string {
  return describeError(error).message;
}
