import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type Logger } from 'pino';
import type { LoggerService } from '@nestjs/common';

interface RequestContext {
  requestId: string;
}

/** Carries the request id through async work so every log line of a request can name it. */
export const requestContext = new AsyncLocalStorage<RequestContext>();

let root: Logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });

export function configureLogger(level: string): Logger {
  root = pino({
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const ctx = requestContext.getStore();
      return ctx ? { requestId: ctx.requestId } : {};
    },
  });
  return root;
}

export function logger(): Logger {
  return root;
}

/** Routes Nest's own log calls into the same JSON stream. */
export class PinoNestLogger implements LoggerService {
  log(message: unknown, context?: string) {
    root.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    root.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    root.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    root.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    root.trace({ context }, String(message));
  }
}
