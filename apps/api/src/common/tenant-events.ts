import { Injectable } from '@nestjs/common';
import { logger } from '../logging/logger.js';
import type { Viewer } from './viewer.js';

/** What a committed change of one module means for the rows of others. */
export interface TenantEventMap {
  /** Warning-light thresholds, the report cycle or the working-day calendar changed: every light may be stale. */
  lightRulesChanged: { tenantId: string; reason: string };
  /** 分管领导审核 was turned off, or units lost their last active leader: reports waiting for one may move on. */
  leadersChanged: { viewer: Viewer; unitIds: string[] | 'ALL' };
}
type Handler<K extends keyof TenantEventMap> = (event: TenantEventMap[K]) => Promise<void>;

/**
 * Lets a module react to another's committed change without importing it (tenant settings and the
 * calendar sit below tasks and reports in the module graph). Handlers run in the request, after the
 * change committed, and are awaited: the answer the office gets already reflects them. A failing
 * handler is logged, not thrown: the change itself is committed and the daily job catches up.
 */
@Injectable()
export class TenantEvents {
  private readonly handlers: { [K in keyof TenantEventMap]?: Handler<K>[] } = {};

  on<K extends keyof TenantEventMap>(event: K, handler: Handler<K>): void {
    ((this.handlers[event] ??= []) as Handler<K>[]).push(handler);
  }

  async emit<K extends keyof TenantEventMap>(event: K, payload: TenantEventMap[K]): Promise<void> {
    for (const handler of (this.handlers[event] ?? []) as Handler<K>[]) {
      await handler(payload).catch((error) =>
        logger().error({ err: error, event }, 'follow-up of a committed change failed'),
      );
    }
  }
}
