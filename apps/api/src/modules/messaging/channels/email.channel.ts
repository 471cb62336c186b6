import { Injectable } from '@nestjs/common';
import { failed, retry, sent, type SendResult } from './platform-answer.js';
import { MailerService } from './mailer.service.js';

/** One e-mail; an SMTP 5xx refusal is final, anything else (4xx, no connection) is retried. */
@Injectable()
export class EmailChannel {
  constructor(private readonly mailer: MailerService) {}

  async send(to: string, subject: string, text: string): Promise<SendResult> {
    if (!this.mailer.enabled) return failed('NOT_CONFIGURED', '系统未配置邮件服务器（SMTP_URL）');
    try {
      await this.mailer.send({ to, subject, text });
      return sent('250');
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      const response = String((error as { response?: string }).response ?? (error as Error).message ?? error).slice(
        0,
        300,
      );
      if (code && code >= 500) return failed(String(code), `邮件服务器拒收：${response}`);
      return retry(code ? String(code) : 'SMTP', `邮件发送失败：${response}`);
    }
  }
}
