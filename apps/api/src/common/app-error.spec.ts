import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { configureLogger } from '../logging/logger.js';
import { AppError, formatGraphqlError } from './app-error.js';

const DB_DOWN = '数据库暂时无法连接，请稍后重试';
const INTERNAL = '服务器内部错误，请稍后重试';
const format = (original: unknown) => formatGraphqlError({ message: 'x', path: ['submitReport'] }, { originalError: original });

describe('formatGraphqlError', () => {
  beforeAll(() => configureLogger('silent'));

  it('says the database is unreachable when the connection died, wherever TypeORM noticed it', () => {
    // Refused, reset, terminated by an administrator, or a pool that could not hand out a connection.
    for (const code of ['ECONNREFUSED', 'ECONNRESET', '57P01', '08006']) expect(format(Object.assign(new Error('boom'), { code })).message).toBe(DB_DOWN);
    expect(format(new Error('timeout exceeded when trying to connect')).message).toBe(DB_DOWN);
    // The connection died mid-transaction: TypeORM refuses the released runner when beginning or committing.
    expect(format(new QueryRunnerProviderAlreadyReleasedError()).message).toBe(DB_DOWN);
    expect(format(new QueryRunnerAlreadyReleasedError()).message).toBe(DB_DOWN);
  });

  it('keeps our own errors and hides anything else behind an internal error', () => {
    expect(format(new AppError('CONFLICT', '已被他人修改')).extensions).toEqual({ code: 'CONFLICT' });
    const other = format(new TypeError('cannot read properties of undefined'));
    expect(other).toEqual({ message: INTERNAL, path: ['submitReport'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
