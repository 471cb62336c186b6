/**
 * A function that runs in a worker thread: the URL of the module that exports it and its export name.
 * The function takes structured-cloneable input and returns (or resolves to) structured-cloneable output;
 * errors it throws with a code (AppError) reach the caller as the same AppError.
 */
export interface IsolatedTask<I, O> {
  moduleUrl: string;
  exportName: string;
  /** What the user's input is called in messages: 文档, 单位名录文件, 网页. */
  subject: string;
  /** Brand only, so a task's input and output types travel with it. */
  readonly types?: (input: I) => O;
}

/** Declares a task; call it in the module that exports the function, passing `import.meta.url`. */
export function isolatedTask<I, O>(moduleUrl: string, exportName: string, subject: string): IsolatedTask<I, O> {
  return { moduleUrl, exportName, subject };
}

/** What the worker sends back. */
export type WorkerReply<O> = { ok: true; value: O } | { ok: false; code?: string; message: string; field?: string };
