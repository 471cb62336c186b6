import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Inject, Injectable } from '@nestjs/common';
import { AppError, type ErrorCode } from '../common/app-error.js';
import type { AppConfig, IsolationLimits } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { logger } from '../logging/logger.js';
import type { IsolatedTask, WorkerReply } from './isolated-task.js';

interface Job {
  tenantId: string;
  start: () => void;
}

/** Source (TypeScript under tests and `npm run` scripts) or build output (plain JavaScript). */
function workerScript(): { url: URL; execArgv: string[] } {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { url: new URL('./isolation-worker.js', here), execArgv: [] };
  const hooks = fileURLToPath(new URL('../../../../tools/register-ts.mjs', here));
  return { url: new URL('./isolation-worker.ts', here), execArgv: ['--import', hooks] };
}

/** A task module URL as the worker can import it: in source form, `.js` siblings are `.ts` files. */
function importable(moduleUrl: string): string {
  if (!moduleUrl.endsWith('.js')) return moduleUrl;
  const ts = moduleUrl.replace(/\.js$/, '.ts');
  return !existsSync(fileURLToPath(moduleUrl)) && existsSync(fileURLToPath(ts)) ? ts : moduleUrl;
}

export class IsolatedTaskFailure extends AppError {}

/**
 * Runs untrusted work (document parsing, directory imports, evidence page analysis) in worker threads
 * with a time and a memory limit: a hostile input costs one worker, which is killed, never the thread
 * that answers every tenant's requests. Workers are shared fairly: tenants take turns, each with at most
 * `perTenant` running, so one tenant's stream of bad files waits behind itself, not in front of others.
 */
@Injectable()
export class IsolatedRunner {
  readonly limits: IsolationLimits;
  private running = 0;
  private readonly runningByTenant = new Map<string, number>();
  private readonly queues = new Map<string, Job[]>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limits = { ...config.isolation };
  }

  /** Runs `task` on `input` for `tenantId`; rejects with an AppError carrying a Chinese message when it fails. */
  run<I, O>(
    task: IsolatedTask<I, O>,
    input: I,
    tenantId: string,
    limits: Partial<Pick<IsolationLimits, 'timeoutMs' | 'memoryMb'>> = {},
  ): Promise<O> {
    const queue = this.queues.get(tenantId) ?? [];
    if (queue.length >= this.limits.queuePerTenant) {
      return Promise.reject(
        new AppError('BAD_USER_INPUT', '正在处理的文件较多，请稍后再试', { detail: 'isolation queue full' }),
      );
    }
    return new Promise<O>((resolve, reject) => {
      queue.push({
        tenantId,
        start: () =>
          this.execute(task, input, { ...this.limits, ...limits })
            .then(resolve, reject)
            .finally(() => this.finished(tenantId)),
      });
      this.queues.set(tenantId, queue);
      this.dispatch();
    });
  }

  private finished(tenantId: string) {
    this.running--;
    const left = (this.runningByTenant.get(tenantId) ?? 1) - 1;
    if (left > 0) this.runningByTenant.set(tenantId, left);
    else this.runningByTenant.delete(tenantId);
    this.dispatch();
  }

  /** Starts queued jobs while workers are free, taking tenants in turn. */
  private dispatch() {
    while (this.running < this.limits.concurrency) {
      const tenant = [...this.queues.keys()].find((id) => (this.runningByTenant.get(id) ?? 0) < this.limits.perTenant);
      if (tenant === undefined) return;
      const queue = this.queues.get(tenant)!;
      const job = queue.shift()!;
      // Round robin: the tenant goes to the back of the line.
      this.queues.delete(tenant);
      if (queue.length) this.queues.set(tenant, queue);
      this.running++;
      this.runningByTenant.set(tenant, (this.runningByTenant.get(tenant) ?? 0) + 1);
      job.start();
    }
  }

  private execute<I, O>(task: IsolatedTask<I, O>, input: I, limits: IsolationLimits): Promise<O> {
    const { url, execArgv } = workerScript();
    const started = Date.now();
    return new Promise<O>((resolve, reject) => {
      let settled = false;
      const worker = new Worker(url, {
        workerData: { moduleUrl: importable(task.moduleUrl), exportName: task.exportName, input },
        execArgv,
        resourceLimits: {
          maxOldGenerationSizeMb: limits.memoryMb,
          maxYoungGenerationSizeMb: Math.min(64, Math.max(8, limits.memoryMb / 8)),
          stackSizeMb: 4,
        },
      });
      const log = (outcome: string, extra: object = {}) =>
        logger().warn(
          { task: task.exportName, outcome, ms: Date.now() - started, ...limits, ...extra },
          'isolated task stopped',
        );
      const fail = (code: ErrorCode, message: string, detail: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        reject(new IsolatedTaskFailure(code, message, { detail }));
      };
      const timer = setTimeout(() => {
        log('timeout');
        fail(
          'BAD_USER_INPUT',
          `${task.subject}处理超时（超过 ${Math.round(limits.timeoutMs / 1000)} 秒），已中止。请检查${task.subject}是否过大或内容异常`,
          'timeout',
        );
      }, limits.timeoutMs);
      worker.on('message', (reply: WorkerReply<O>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        if (reply.ok) return resolve(reply.value);
        if (reply.code) return reject(new AppError(reply.code as ErrorCode, reply.message, { field: reply.field }));
        log('error', { err: reply.message });
        reject(
          new IsolatedTaskFailure('BAD_USER_INPUT', `无法处理该${task.subject}，请确认内容完好后重试`, {
            detail: reply.message.split('\n')[0],
          }),
        );
      });
      worker.on('error', (error: Error & { code?: string }) => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          log('out of memory');
          return fail(
            'BAD_USER_INPUT',
            `${task.subject}过大或过于复杂，处理时超出内存上限（${limits.memoryMb} MB），已中止`,
            'out of memory',
          );
        }
        log('crash', { err: error });
        fail('BAD_USER_INPUT', `无法处理该${task.subject}，已中止`, error.message);
      });
      worker.on('exit', (code) => {
        if (!settled) {
          log('exit', { code });
          fail('BAD_USER_INPUT', `无法处理该${task.subject}，已中止`, `worker exited with code ${code}`);
        }
      });
    });
  }
}
