import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import { nodemailer } from '../../../common/heavy-libraries.js';
import type { AppConfig } from '../../../config/app-config.js';
import { APP_CONFIG } from '../../../config/config.module.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** E-mail through the configured SMTP server; with no SMTP_URL e-mail is simply off. */
@Injectable()
export class MailerService implements OnApplicationShutdown {
  private transporter: Transporter | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.smtpUrl !== null;
  }

  async send(message: MailMessage): Promise<void> {
    if (!this.config.smtpUrl) return;
    this.transporter ??= nodemailer().createTransport(this.config.smtpUrl);
    await this.transporter.sendMail({
      from: this.config.mailFrom,
      to: message.to,
      subject: message.subject,
      text: message.text,
    });
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
