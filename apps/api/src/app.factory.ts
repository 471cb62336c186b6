import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { PinoNestLogger } from './logging/logger.js';
import { requestIdMiddleware } from './logging/request-id.middleware.js';

const API_PREFIXES = ['/graphql', '/healthz', '/readyz', '/files/'];

/** The built web app is a single-page app: unknown GET paths get index.html, assets are cached forever. */
function serveWebApp(app: NestExpressApplication, webDist: string) {
  const index = path.join(webDist, 'index.html');
  app.use('/assets', express.static(path.join(webDist, 'assets'), { immutable: true, maxAge: '365d', index: false }));
  app.use(express.static(webDist, { index: false, maxAge: '1h' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || API_PREFIXES.some((p) => req.path.startsWith(p)) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
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
  app.use(cookieParser());
  app.use(express.json({ limit: '2mb' }));
  if (config.webDist && existsSync(path.join(config.webDist, 'index.html'))) serveWebApp(app, config.webDist);
  app.enableShutdownHooks();
  return app;
}
