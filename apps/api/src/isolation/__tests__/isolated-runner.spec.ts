import type { AppConfig, IsolationLimits } from '../../config/app-config.js';
import { AppError } from '../../common/app-error.js';
import { IsolatedRunner } from '../isolated-runner.js';
import { ECHO, HOARD, REFUSE, SPIN } from './hostile-tasks.js';

// The time limit is tested on its own below; elsewhere it is generous, because a worker thread's start
// (TypeScript hooks, the task's imports) took over 5 s on a loaded two-core machine with two jest workers.
const runner = (limits: Partial<IsolationLimits> = {}) =>
  new IsolatedRunner({
    isolation: {
      timeoutMs: 60_000,
      memoryMb: 64,
      concurrency: 2,
      perTenant: 1,
      queuePerTenant: 10,
      ocrTimeoutMs: 60_000,
      ...limits,
    },
  } as AppConfig);

describe('isolated runner', () => {
  it('runs a task in a worker thread and returns its result', async () => {
    expect(await runner().run(ECHO, { bytes: new Uint8Array([1, 2, 3]) }, 't1')).toBe(6);
  });

  it('passes a task’s own user message through with its code and field', async () => {
    const error = await runner()
      .run(REFUSE, { field: 'file' }, 't1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ message: '文件内容有误', extensions: { code: 'BAD_USER_INPUT', field: 'file' } });
  });

  it('kills a worker that runs past its time limit, with a clear Chinese message', async () => {
    const error = await runner({ timeoutMs: 1500 })
      .run(SPIN, { ms: null }, 't1')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      message: '文档处理超时（超过 2 秒），已中止。请检查文档是否过大或内容异常',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }, 30_000);

  it('kills a worker that goes over its memory limit', async () => {
    const error = await runner({ memoryMb: 48, timeoutMs: 60_000 })
      .run(HOARD, {}, 't1')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      message: '文档过大或过于复杂，处理时超出内存上限（48 MB），已中止',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }, 60_000);

  it('lets another tenant’s task run while one tenant’s tasks hold their turn', async () => {
    const r = runner({ concurrency: 2, perTenant: 1, timeoutMs: 20_000 });
    const order: string[] = [];
    const slow = [1, 2, 3].map((i) => r.run(SPIN, { ms: 1500 }, 'tenant-a').then(() => order.push(`a${i}`)));
    const quick = r.run(SPIN, { ms: 0 }, 'tenant-b').then(() => order.push('b'));
    await Promise.all([...slow, quick]);
    // Tenant B did not wait behind tenant A's queue: it finished before A's first task.
    expect(order).toEqual(['b', 'a1', 'a2', 'a3']);
  }, 60_000);

  it('refuses at once when one tenant has too many tasks waiting', async () => {
    const r = runner({ concurrency: 1, perTenant: 1, queuePerTenant: 2, timeoutMs: 20_000 });
    const held = [r.run(SPIN, { ms: 300 }, 't1'), r.run(SPIN, { ms: 300 }, 't1'), r.run(SPIN, { ms: 300 }, 't1')];
    await expect(r.run(SPIN, { ms: 0 }, 't1')).rejects.toMatchObject({ message: '正在处理的文件较多，请稍后再试' });
    expect(await r.run(SPIN, { ms: 0 }, 't2')).toBe('done');
    await Promise.all(held);
  }, 60_000);
});
