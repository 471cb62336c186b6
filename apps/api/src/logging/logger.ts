import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type DestinationStream, type Logger } from 'pino';
import { createRequire } from 'node:module';
import type { PinoPretty as PrettyStream } from 'pino-pretty';
import type { LoggerService } from '@nestjs/common';

interface RequestContext {
  requestId: string;
}

/** Carries the request id through async work so every log line of a request can name it. */
export const requestContext = new AsyncLocalStorage<RequestContext>();

let root: Logger = pino({ level: process.env.LOG_LEVEL ?? 'info', serializers: { err: serializeError } });

export type LogFormat = 'json' | 'pretty';

/** People read a terminal; log collectors read JSON. `auto` tells them apart by stdout. */
export function resolveLogFormat(setting: 'auto' | LogFormat, stdoutIsTty: boolean): LogFormat {
  if (setting !== 'auto') return setting;
  return stdoutIsTty ? 'pretty' : 'json';
}

/**
 * One line per event: time, level, [Nest context] message, then the event's own fields. Synchronous,
 * so the lines written just before `process.exit` (shutdown, a failed start) are not lost.
 */
function prettyStream(): DestinationStream {
  // Only development logs are pretty: production and tests need not import it.
  const { PinoPretty } = createRequire(import.meta.url)('pino-pretty') as { PinoPretty: typeof PrettyStream };
  return PinoPretty({
    sync: true,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,context',
    messageFormat: '{if context}[{context}] {end}{msg}',
  });
}

type SerializedError = ReturnType<typeof pino.stdSerializers.err>;

/** A failed query as TypeORM (QueryFailedError: query, parameters, driverError) or pg (SQLSTATE, detail) reports it. */
function databaseErrorOf(err: unknown): { code: string; query?: string; constraint?: string } | null {
  const e = err as { driverError?: unknown; query?: unknown; parameters?: unknown } | null;
  if (!e || typeof e !== 'object') return null;
  const driver = (e.driverError ?? e) as { code?: unknown; severity?: unknown; constraint?: unknown };
  const sqlState = typeof driver.code === 'string' && /^[0-9A-Z]{5}$/.test(driver.code);
  if (!e.driverError && !e.parameters && !(sqlState && driver.severity)) return null;
  return {
    code: sqlState ? (driver.code as string) : '',
    query: typeof e.query === 'string' ? e.query : undefined,
    constraint: typeof driver.constraint === 'string' ? driver.constraint : undefined,
  };
}

/**
 * Database errors are logged by SQLSTATE and statement only: their bind parameters (password hashes,
 * session tokens), the server's `detail` ("Key (login)=(…)") and a data exception's message (which
 * quotes the refused value) never reach the log. Other errors keep pino's standard form.
 */
export function serializeError(err: unknown): SerializedError | Record<string, unknown> {
  const db = databaseErrorOf(err);
  if (!db) return pino.stdSerializers.err(err as Error);
  const message = String((err as Error).message ?? '');
  return {
    type: (err as Error).constructor?.name ?? 'Error',
    code: db.code,
    ...(db.code.startsWith('22') ? {} : { message }),
    // The statement's text names the query (its values travel separately as parameters).
    ...(db.query ? { statement: db.query.replace(/\s+/g, ' ').trim().slice(0, 200) } : {}),
    ...(db.constraint ? { constraint: db.constraint } : {}),
  };
}

/** `destination` (JSON only) defaults to stdout. */
export function configureLogger(level: string, format: LogFormat = 'json', destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: serializeError },
    mixin: () => {
      const ctx = requestContext.getStore();
      return ctx ? { requestId: ctx.requestId } : {};
    },
  };
  if (format === 'pretty') root = pino(options, prettyStream());
  else root = destination ? pino(options, destination) : pino(options);
  return root;
}

export function logger(): Logger {
  return root;
}

/** Nest's start-up narration (one line per module and route): detail for debugging, not news at info. */
const NEST_BOOT_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

/** Routes Nest's own log calls into the same stream. */
export class PinoNestLogger implements LoggerService {
  log(message: unknown, context?: string) {
    if (context && NEST_BOOT_CONTEXTS.has(context)) root.debug({ context }, String(message));
    else root.info({ context }, String(message));
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
