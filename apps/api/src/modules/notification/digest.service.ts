import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rows } from '../../common/sql.js';
import { logger } from '../../logging/logger.js';
import { MailerService } from './mailer.service.js';
import { digestSubject, digestText, type DigestItem } from './notification-text.js';

// Older unsent notifications (e-mail was down, the address added late) are stale news: left out.
const DIGEST_WINDOW = '7 days';

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
                        AND NOT (n.kind = ANY(COALESCE(p.muted_kinds, '{}'))))`,
      [tenantId, now],
    );
    let sent = 0;
    for (const r of recipients) {
      try {
        if (await this.sendOne(tenantId, r.user_id, r.email, r.display_name, r.muted_kinds, now)) sent++;
      } catch (error) {
        // One bad address must not stop everyone else's digest; the rows stay unsent for tomorrow.
        logger().warn({ tenantId, userId: r.user_id, err: error }, 'digest e-mail failed');
      }
    }
    return sent;
  }

  private sendOne(tenantId: string, userId: string, email: string, displayName: string, muted: string[], now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const items = await rows<DigestItem & { id: string }>(
        m,
        `SELECT id, kind, title, body FROM notification
          WHERE tenant_id = $1 AND user_id = $2 AND digest_sent_at IS NULL AND created_at <= $3
            AND created_at > $3::timestamptz - interval '${DIGEST_WINDOW}' AND NOT (kind = ANY($4::text[]))
          ORDER BY created_at, id FOR UPDATE SKIP LOCKED`,
        [tenantId, userId, now, muted],
      );
      if (items.length === 0) return false;
      await this.mailer.send({ to: email, subject: digestSubject(items.length), text: digestText(displayName, items) });
      await rows(m, `UPDATE notification SET digest_sent_at = $3 WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [tenantId, items.map((i) => i.id), now]);
      return true;
    });
  }
}
