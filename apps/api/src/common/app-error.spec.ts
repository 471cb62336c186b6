import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { configureLogger } from '../logging/logger.js';
import { AppError, formatGraphqlError } from './app-error.js';

const DB_DOWN = '数据库暂时无法连接，请稍后重试';
const INTERNAL = '服务器内部错误，请稍后重试';
const format = (original: unknown) =>
  formatGraphqlError({ message: 'x', path: ['submitReport'] }, { originalError: original });

describe('formatGraphqlError', () => {
  beforeAll(() => configureLogger('silent'));

  it('says the database is unreachable when the connection died, wherever TypeORM noticed it', () => {
    // Refused, reset, terminated by an administrator or for idling past a timeout (in a transaction or
    // not), or a pool that could not hand out a connection.
    for (const code of ['ECONNREFUSED', 'ECONNRESET', '57P01', '08006', '25P03', '57P05'])
      expect(format(Object.assign(new Error('boom'), { code })).message).toBe(DB_DOWN);
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

describe('formatGraphqlError on a database that refuses for its own reasons', () => {
  beforeAll(() => configureLogger('silent'));
  const pgError = (code: string) => ({
    name: 'QueryFailedError',
    driverError: Object.assign(new Error('pg says no'), { code }),
  });

  it('turns serialization failures and deadlocks into retryable conflicts', () => {
    expect(format(pgError('40001')).extensions).toEqual({
      code: 'CONFLICT',
      reason: 'DATABASE_SERIALIZATION',
      retryable: true,
    });
    expect(format(pgError('40P01')).extensions).toEqual({
      code: 'CONFLICT',
      reason: 'DATABASE_DEADLOCK',
      retryable: true,
    });
    expect(format(pgError('40P01')).message).not.toBe(INTERNAL);
  });

  // A read-only (standby) database is switching over; a lock wait past lock_timeout is a conflict met
  // late, never an internal error; a statement past statement_timeout timed out. All may be retried.
  it.each([
    ['25006', 'INTERNAL_SERVER_ERROR', 'DATABASE_READ_ONLY', '数据库正在主备切换，暂时只能查看，请稍后重试保存'],
    ['55P03', 'CONFLICT', 'DATABASE_LOCK_TIMEOUT', '该记录正被他人修改，等待超时，未能保存，请稍后重试'],
    ['57014', 'INTERNAL_SERVER_ERROR', 'DATABASE_STATEMENT_TIMEOUT', '数据库处理超时，未能完成，请稍后重试'],
  ])('answers SQLSTATE %s with %s (%s), retryable, in Chinese', (sqlstate, code, reason, message) => {
    expect(format(pgError(sqlstate))).toEqual({
      message,
      path: ['submitReport'],
      extensions: { code, reason, retryable: true },
    });
  });

  it('counts a query that got no answer in time as the database being unavailable', () => {
    expect(format(new Error('Query read timeout'))).toMatchObject({
      message: DB_DOWN,
      extensions: { reason: 'DATABASE_UNAVAILABLE', retryable: true },
    });
  });
});
