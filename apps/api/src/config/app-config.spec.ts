import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('fills in defaults', () => {
    const config = loadConfig({}, '/srv/duban');
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: null,
      dataDir: '/srv/duban/.data',
      nodeEnv: 'development',
      seedDemo: true,
      logFormat: 'auto',
    });
  });

  it('resolves DATA_DIR against the working directory', () => {
    expect(loadConfig({ DATA_DIR: 'var/db' }, '/srv/duban').dataDir).toBe('/srv/duban/var/db');
  });

  it.each([
    [{ PORT: '70000' }, 'PORT must be between 0 and 65535, got 70000'],
    [{ PORT: '3e3' }, 'PORT must be a whole number'],
    [{ NODE_ENV: 'prod' }, 'NODE_ENV must be one of development, production, test'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY must be true or false'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL is not a valid URL'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL must start with smtp:// or smtps://'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [{ LOG_FORMAT: 'yaml' }, 'LOG_FORMAT must be one of auto, json, pretty'],
    [
      { MESSAGE_EXTRA_ORIGINS: 'https://zwwx.example.gov.cn, robots' },
      'MESSAGE_EXTRA_ORIGINS has "robots", which is not a URL',
    ],
    [
      { MESSAGE_EXTRA_ORIGINS: 'ftp://files.example.gov.cn' },
      'MESSAGE_EXTRA_ORIGINS must list http:// or https:// origins',
    ],
    [{ WECOM_API_BASE: 'qyapi.weixin.qq.com' }, 'WECOM_API_BASE is not a valid URL'],
  ])('rejects %j naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads the messaging origins operators may add', () => {
    const config = loadConfig({
      MESSAGE_EXTRA_ORIGINS: 'https://zwwx.example.gov.cn/cgi-bin/, http://10.1.2.3:8080',
      PUBLIC_URL: 'https://duban.example.gov.cn/',
    });
    expect(config).toMatchObject({
      messageExtraOrigins: ['https://zwwx.example.gov.cn', 'http://10.1.2.3:8080'],
      publicUrl: 'https://duban.example.gov.cn',
      wecomApiBase: 'https://qyapi.weixin.qq.com',
      dingtalkApiBase: 'https://oapi.dingtalk.com',
    });
  });

  it('serves from one process in development and tests, one per core in production', () => {
    expect(loadConfig({}).webConcurrency).toBe(1);
    expect(loadConfig({ NODE_ENV: 'test' }).webConcurrency).toBe(1);
    expect(loadConfig({ NODE_ENV: 'production' }).webConcurrency).toBe(availableParallelism());
    expect(loadConfig({ NODE_ENV: 'production', WEB_CONCURRENCY: '3' }).webConcurrency).toBe(3);
    expect(() => loadConfig({ WEB_CONCURRENCY: '0' })).toThrow('WEB_CONCURRENCY must be between 1 and 256');
  });

  it('turns the demo off by default in production', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
  });

  it('reads the database timeouts, the client bound defaulting to just past the server one', () => {
    expect(loadConfig({}).databaseTimeouts).toEqual({
      statementMs: 30_000,
      lockMs: 5000,
      idleInTransactionMs: 60_000,
      queryMs: 35_000,
    });
    expect(loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '2000' }).databaseTimeouts.queryMs).toBe(7000);
    expect(() => loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '2000', DATABASE_QUERY_TIMEOUT_MS: '2000' })).toThrow(
      new ConfigError('DATABASE_QUERY_TIMEOUT_MS', 'must be longer than DATABASE_STATEMENT_TIMEOUT_MS (2000)'),
    );
    expect(() => loadConfig({ DATABASE_LOCK_TIMEOUT_MS: 'soon' })).toThrow(/DATABASE_LOCK_TIMEOUT_MS/);
  });

  it('refuses a DATABASE_URL with several hosts or target_session_attrs, which pg would ignore', () => {
    for (const value of [
      'postgres://duban:x@db1:5432,db2:5432/duban',
      'postgres://duban:x@db1,db2/duban',
      'postgres://duban:x@/duban?host=db1,db2',
    ]) {
      expect(() => loadConfig({ DATABASE_URL: value })).toThrow(
        /DATABASE_URL lists several hosts.*HAProxy on Patroni's \/primary check, or a virtual IP/,
      );
    }
    expect(() => loadConfig({ DATABASE_URL: 'postgres://duban:x@db1/duban?target_session_attrs=read-write' })).toThrow(
      /DATABASE_URL has target_session_attrs/,
    );
    // A comma in the password is not a host list.
    expect(loadConfig({ DATABASE_URL: 'postgres://duban:a,b@db1/duban' }).databaseUrl).toBe(
      'postgres://duban:a,b@db1/duban',
    );
  });

  it('takes DATABASE_DIRECT_URL for migrations and backups, else DATABASE_URL, refusing host lists there too', () => {
    const pooled = 'postgres://duban:x@pgbouncer:6432/duban';
    const direct = 'postgres://duban:x@haproxy:5000/duban';
    expect(loadConfig({ DATABASE_URL: pooled }).databaseDirectUrl).toBe(pooled);
    expect(loadConfig({ DATABASE_URL: pooled, DATABASE_DIRECT_URL: direct })).toMatchObject({
      databaseUrl: pooled,
      databaseDirectUrl: direct,
    });
    expect(loadConfig({}).databaseDirectUrl).toBeNull();
    expect(() => loadConfig({ DATABASE_URL: pooled, DATABASE_DIRECT_URL: 'postgres://db1,db2/duban' })).toThrow(
      /DATABASE_DIRECT_URL lists several hosts/,
    );
  });
});
