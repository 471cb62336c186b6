import { Injectable } from '@nestjs/common';
import { logger } from '../../logging/logger.js';

const TIMEOUT_MS = 5000;
// 钉钉 robots cap a text message at 20000 bytes, 企业微信 at 2048; stay under the smaller one.
const MAX_CONTENT = 1800;

/**
 * Group-robot messages (钉钉 / 企业微信). Both accept the same text shape, so one sender serves both.
 * A failing robot must never fail the daily run: errors are logged and reported as false.
 */
@Injectable()
export class WebhookService {
  async sendText(url: string, content: string): Promise<boolean> {
    const text = content.length > MAX_CONTENT ? `${content.slice(0, MAX_CONTENT - 1)}…` : content;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ msgtype: 'text', text: { content: text } }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'error',
      });
      if (!response.ok) {
        logger().warn({ host: new URL(url).host, status: response.status }, 'webhook delivery refused');
        return false;
      }
      return true;
    } catch (error) {
      logger().warn({ host: new URL(url).host, err: error }, 'webhook delivery failed');
      return false;
    }
  }
}
