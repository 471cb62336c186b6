import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { compressedAnswers } from './common/compressed-answers.js';
import { precompressedFiles } from './common/precompressed-files.js';
import { readWebIndex, sendWebIndex, type WebIndex } from './common/web-index.js';
import { openRequestScope } from './database/tenant-context.js';
import { PinoNestLogger } from './logging/logger.js';
import { requestIdMiddleware } from './logging/request-id.middleware.js';
import { SessionService } from './modules/auth/index.js';
import { PublicPageController } from './modules/public-page/index.js';
import { TaskService } from './modules/task/index.js';

/** The largest /graphql request body: generous for any query or form, far below what could hurt. */
export const GRAPHQL_MAX_BODY_BYTES = 1024 * 1024;

/** Paths the API serves itself: a browser's GET there must reach the API, never the web app's index.html. */
const API_PREFIXES = [
  '/graphql',
  '/healthz',
  '/readyz',
  '/files',
  '/exports/',
  '/imports/',
  '/units/',
  '/accounts/',
  '/auth/',
  '/gk/',
  '/gk-preview/',
];

export function isApiPath(path: string): boolean {
  return API_PREFIXES.some((p) => path.startsWith(p));
}

/**
 * The built web app is a single-page app: unknown GET paths get index.html; assets (hashed names) are
 * cached forever and sent as the build compressed them when the browser accepts it.
 */
function serveWebApp(app: NestExpressApplication, webDist: string, index: WebIndex) {
  // The liaison's first task cards in the page (first-screen-tasks.ts): the same services the API reads with.
  const tasks = {
    sessions: app.get(SessionService, { strict: false }),
    tasks: app.get(TaskService, { strict: false }),
  };
  const assets = path.join(webDist, 'assets');
  const forever = { immutable: true, maxAge: '365d' };
  app.use('/assets', precompressedFiles(assets, forever), express.static(assets, { ...forever, index: false }));
  app.use(express.static(webDist, { index: false, maxAge: '1h' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || isApiPath(req.path) || !req.accepts('html')) return next();
    sendWebIndex(index, req, res, tasks).catch(next);
  });
}

/**
 * Security headers on every response. The content-security policy allows only our own origin for
 * scripts and data, plus by hash the inline scripts of the web app's index.html (its first-load
 * script: never 'unsafe-inline'); styles need 'unsafe-inline' because Ant Design writes its theme's
 * tokens as CSS variables in <style> elements at run time (its component styles are a stylesheet made at
 * build time) and React writes `style` attributes. The GraphiQL explorer (development only) loads from a CDN, so its page gets no CSP.
 */
function securityHeaders(config: AppConfig, inlineScripts: string[]) {
  const withCsp = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inlineScripts],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.trustProxy ? [] : null,
      },
    },
    strictTransportSecurity: config.trustProxy ? { maxAge: 15552000 } : false,
    crossOriginEmbedderPolicy: false,
  });
  const withoutCsp = helmet({
    contentSecurityPolicy: false,
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
  const explorer = config.nodeEnv !== 'production';
  return (req: Request, res: Response, next: NextFunction) =>
    explorer && req.method === 'GET' && req.path === '/graphql' ? withoutCsp(req, res, next) : withCsp(req, res, next);
}

const BODY_ERRORS: Record<string, [number, string]> = {
  'entity.parse.failed': [400, '请求格式错误：请求体不是有效的 JSON'],
  'entity.too.large': [413, '请求过大'],
  'encoding.unsupported': [415, '请求格式错误：不支持的内容编码'],
  'charset.unsupported': [415, '请求格式错误：请使用 UTF-8 编码'],
  'request.aborted': [400, '请求已中断'],
};

/** A body the JSON parser refuses gets a GraphQL-shaped error with a code and a Chinese message, not Express's English page. */
function graphqlBodyErrors(
  error: { type?: string; status?: number },
  _req: Request,
  res: Response,
  next: NextFunction,
) {
  const known = error.type ? BODY_ERRORS[error.type] : undefined;
  if (!known) return next(error);
  res.status(known[0]).json({ errors: [{ message: known[1], extensions: { code: 'BAD_USER_INPUT' } }] });
}

/** Builds the Nest application (not yet listening); used by main.ts and by the integration tests. */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    logger: new PinoNestLogger(),
    bodyParser: false,
    abortOnError: false,
  });
  if (config.trustProxy) app.set('trust proxy', true);
  app.disable('x-powered-by');
  app.use(requestIdMiddleware);
  const webIndexFile = config.webDist ? path.join(config.webDist, 'index.html') : null;
  const webIndex = webIndexFile && existsSync(webIndexFile) ? await readWebIndex(webIndexFile) : null;
  app.use(securityHeaders(config, webIndex?.scriptHashes ?? []));
  // The public page's held answers leave before sessions, body parsing and routing (PublicPageController).
  const publicPage = app.get(PublicPageController, { strict: false });
  app.use('/gk', publicPage.serveHeld.bind(publicPage));
  app.use(cookieParser());
  // Read before any session check, so kept small: files go to the multipart endpoints (/files, /imports/*),
  // whose limits apply only after the session and CSRF token are checked.
  app.use('/graphql', compressedAnswers, express.json({ limit: GRAPHQL_MAX_BODY_BYTES }), graphqlBodyErrors);
  app.use(express.json({ limit: '100kb' }));
  // After the body parsers: they call next() from the request stream's events, outside this scope.
  // The auth guard names the tenant once the viewer is known (tenant-context.ts).
  app.use((_req: Request, _res: Response, next: NextFunction) => openRequestScope(next));
  if (config.webDist && webIndex) serveWebApp(app, config.webDist, webIndex);
  // No enableShutdownHooks(): main.ts owns the signals, so that PostgreSQL stops only after app.close().
  return app;
}
