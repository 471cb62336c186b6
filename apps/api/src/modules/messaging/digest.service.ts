import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { personalData } from '../../common/crypto/personal-data.js';
import { rows } from '../../common/sql.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { logger } from '../../logging/logger.js';
import { MailerService } from './channels/mailer.service.js';
import { digestSubject, digestText, type DigestItem } from './digest-text.js';

// Older unsent notifications (e-mail was down, the address added late) are stale news: left out.
const DIGEST_WINDOW = '7 days';
// A notification the person chose to get by e-mail on its own is not repeated in the digest.
const NOT_MAILED_ALONE = `NOT EXISTS (SELECT 1 FROM outbox_message o WHERE o.tenant_id = n.tenant_id AND o.notification_id = n.id AND o.channel = 'EMAIL')`;

/**
 * One e-mail per person per day with the notifications not yet e-mailed, instead of a message per
 * event. Each person's rows are locked, sent and marked in one transaction, so a digest goes out
 * once even when two processes run the job.
 */
@Injectable()
export class DigestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: MailerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Returns how many e-mails were sent. */
  async sendForTenant(tenantId: string, now: Date): Promise<number> {
    if (!this.mailer.enabled) return 0;
    const recipients = await rows<{ user_id: string; email: string; display_name: string; muted_kinds: string[] }>(
      this.dataSource,
      `SELECT u.id AS user_id, u.email, u.display_name, COALESCE(p.muted_kinds, '{}') AS muted_kinds
         FROM app_user u
         LEFT JOIN notification_preference p ON p.tenant_id = u.tenant_id AND p.user_id = u.id
        WHERE u.tenant_id = $1 AND u.active AND COALESCE(u.email, '') <> '' AND COALESCE(p.email_digest, true)
          AND EXISTS (SELECT 1 FROM notification n WHERE n.tenant_id = u.tenant_id AND n.user_id = u.id AND n.digest_sent_at IS NULL
                        AND n.created_at <= $2 AND n.created_at > $2::timestamptz - interval '${DIGEST_WINDOW}'
                        AND NOT (n.kind = ANY(COALESCE(p.muted_kinds, '{}'))) AND ${NOT_MAILED_ALONE})`,
      [tenantId, now],
    );
    let sent = 0;
    for (const r of recipients) {
      try {
        // The address is decrypted only now, to send.
        const email = personalData(this.config).open(tenantId, r.user_id, 'email', r.email)!;
        if (await this.sendOne(tenantId, r.user_id, email, r.display_name, r.muted_kinds, now)) sent++;
      } catch (error) {
        // One bad address must not stop everyone else's digest; the rows stay unsent for tomorrow.
        logger().warn({ tenantId, userId: r.user_id, err: error }, 'digest e-mail failed');
      }
    }
    return sent;
  }

  private sendOne(
    tenantId: string,
    userId: string,
    email: string,
    displayName: string,
    muted: string[],
    now: Date,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const items = await rows<DigestItem & { id: string }>(
        m,
        `SELECT n.id, n.kind, replace(n.title, '{n}', n.group_count::text) AS title, n.body FROM notification n
          WHERE n.tenant_id = $1 AND n.user_id = $2 AND n.digest_sent_at IS NULL AND n.created_at <= $3
            AND n.created_at > $3::timestamptz - interval '${DIGEST_WINDOW}' AND NOT (n.kind = ANY($4::text[])) AND ${NOT_MAILED_ALONE}
          ORDER BY n.created_at, n.id FOR UPDATE OF n SKIP LOCKED`,
        [tenantId, userId, now, muted],
      );
      if (items.length === 0) return false;
      await this.mailer.send({ to: email, subject: digestSubject(items.length), text: digestText(displayName, items) });
      await m.query(`UPDATE notification SET digest_sent_at = $3 WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [
        tenantId,
        items.map((i) => i.id),
        now,
      ]);
      return true;
    });
  }
}
