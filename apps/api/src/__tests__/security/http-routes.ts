import type { NestExpressApplication } from '@nestjs/platform-express';

/** Every route the app serves for `method` besides /graphql, as `GET /path` (route patterns as declared). */
export function httpRoutes(app: NestExpressApplication, method: 'get' | 'post'): string[] {
  const router = (
    app.getHttpAdapter().getInstance() as {
      router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
    }
  ).router;
  return router.stack
    .filter((layer) => layer.route?.methods[method] && layer.route.path !== '/graphql')
    .map((layer) => `${method.toUpperCase()} ${layer.route!.path}`);
}
