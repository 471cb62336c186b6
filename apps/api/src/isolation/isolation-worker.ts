import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerReply } from './isolated-task.js';

/**
 * Entry point of a worker thread: imports one task's module, runs it on the input and posts the result.
 * The thread is used for one task and then ends, so nothing of one tenant's input stays behind for the next.
 */
const { moduleUrl, exportName, input } = workerData as { moduleUrl: string; exportName: string; input: unknown };

async function run(): Promise<WorkerReply<unknown>> {
  try {
    const module = (await import(moduleUrl)) as Record<string, (input: unknown) => unknown>;
    return { ok: true, value: await module[exportName](input) };
  } catch (error) {
    const e = error as { message?: string; extensions?: { code?: string; field?: string } };
    // AppError (a GraphQLError with a code) is a message for the user; anything else is a fault, kept for the log.
    return e?.extensions?.code
      ? { ok: false, code: e.extensions.code, message: e.message ?? '', field: e.extensions.field }
      : { ok: false, message: (error as Error)?.stack ?? String(error) };
  }
}

parentPort!.postMessage(await run());
