import type { INestApplicationContext, Type } from '@nestjs/common';
import { shanghaiDate, type IsoDate, type WorkCalendar } from '@duban/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { rows } from '../common/sql.js';
import type { Viewer } from '../common/viewer.js';
import { CalendarService } from '../modules/calendar/calendar.service.js';
import { DEMO_UNITS, DEMO_USERS } from './demo-data.js';

export interface DemoUnit {
  id: string;
  name: string;
  code: string;
  diligence: number;
  /** Where the unit publishes: the evidence its completion reports point to. */
  portal: string;
  liaison: Viewer;
  leader: Viewer | null;
}

/** A task as the story needs it, in a fixed order (key point, then unit) so the draws line up. */
export interface DemoTask {
  id: string;
  keyPointId: string;
  keyPointTitle: string;
  dueDate: IsoDate;
  unit: DemoUnit;
}

const CITY_PORTALS: Record<string, string> = {
  沈阳市政府: 'https://www.shenyang.gov.cn/zwgk/',
  大连市政府: 'https://www.dl.gov.cn/col/col4013/',
  鞍山市政府: 'https://www.anshan.gov.cn/html/ASSZF/zwgk/',
  抚顺市政府: 'https://www.fushun.gov.cn/zwgk/',
};

/** What every step of the demo story works with: today, the tenant's calendar, its people and services. */
export class DemoContext {
  private constructor(
    readonly app: INestApplicationContext,
    readonly ds: DataSource,
    readonly tenantId: string,
    readonly now: Date,
    readonly today: IsoDate,
    readonly calendar: WorkCalendar,
    readonly office: Viewer,
    readonly leadership: Viewer,
    readonly units: Map<string, DemoUnit>,
  ) {}

  static async open(app: INestApplicationContext, tenantId: string): Promise<DemoContext> {
    const ds = app.get(DataSource);
    // One instant for the whole story: every light and "today" in it agrees, even across midnight.
    const now = app.get(Clock).now();
    const people = await rows<{
      id: string;
      username: string;
      role: Viewer['role'];
      unit_id: string | null;
      display_name: string;
    }>(
      ds,
      `SELECT id, username, role, unit_id, display_name FROM app_user WHERE tenant_id = $1 AND username = ANY($2)`,
      [tenantId, DEMO_USERS.map((u) => u.username)],
    );
    const viewers = new Map(
      people.map((u) => [
        u.username,
        {
          tenantId,
          userId: u.id,
          sessionId: 'demo-seed',
          role: u.role,
          unitId: u.unit_id,
          username: u.username,
          displayName: u.display_name,
          csrfToken: '',
        },
      ]),
    );
    const unitRows = await rows<{ id: string; name: string }>(ds, `SELECT id, name FROM unit WHERE tenant_id = $1`, [
      tenantId,
    ]);
    const units = new Map<string, DemoUnit>();
    for (const row of unitRows) {
      const demo = DEMO_UNITS.find((u) => u.name === row.name);
      const liaison = demo && viewers.get(`${demo.code}-lly`);
      if (!demo || !liaison) continue;
      units.set(row.id, {
        id: row.id,
        name: row.name,
        code: demo.code,
        diligence: demo.diligence,
        portal: CITY_PORTALS[row.name] ?? 'https://www.ln.gov.cn/web/zwgkx/',
        liaison,
        leader: viewers.get(`${demo.code}-ld`) ?? null,
      });
    }
    const calendar = await app.get(CalendarService, { strict: false }).forTenant(tenantId);
    return new DemoContext(
      app,
      ds,
      tenantId,
      now,
      shanghaiDate(now),
      calendar,
      viewers.get('ban-staff')!,
      viewers.get('lingdao')!,
      units,
    );
  }

  service<T>(type: Type<T>): T {
    return this.app.get(type, { strict: false });
  }

  /** Working days from today to `date` (negative when past). */
  dueIn(date: IsoDate): number {
    return this.calendar.workingDaysBetween(this.today, date);
  }

  async tasksOf(planId: string, kind: 'NORMAL' | 'RECTIFICATION' = 'NORMAL'): Promise<DemoTask[]> {
    const found = await rows<{ id: string; key_point_id: string; title: string; due_date: string; unit_id: string }>(
      this.ds,
      `SELECT t.id, t.key_point_id, k.title, t.due_date, t.unit_id
         FROM task t
         JOIN key_point k ON k.tenant_id = t.tenant_id AND k.id = t.key_point_id
         JOIN unit u ON u.tenant_id = t.tenant_id AND u.id = t.unit_id
        WHERE t.tenant_id = $1 AND t.plan_id = $2 AND t.kind = $3
        ORDER BY k.seq, u.sort, u.name`,
      [this.tenantId, planId, kind],
    );
    return found
      .filter((t) => this.units.has(t.unit_id))
      .map((t) => ({
        id: t.id,
        keyPointId: t.key_point_id,
        keyPointTitle: t.title,
        dueDate: t.due_date,
        unit: this.units.get(t.unit_id)!,
      }));
  }

  /** The current version of a row, for the services' optimistic locking. */
  async versionOf(table: 'task' | 'key_point' | 'plan' | 'review', id: string): Promise<number> {
    const [row] = await rows<{ version: number }>(
      this.ds,
      `SELECT version FROM ${table} WHERE tenant_id = $1 AND id = $2`,
      [this.tenantId, id],
    );
    return row.version;
  }
}
