import { Logger } from '@nestjs/common';
import { TASK_ROLE_LABELS, TASK_STATUS_LABELS, WARNING_LIGHT_LABELS } from '@duban/domain';
import { bindRequestTenant } from '../database/tenant-context.js';
import type { SessionService } from '../modules/auth/session.service.js';
import type { TaskService } from '../modules/task/task.service.js';
import type { RequestWithViewer } from './auth.decorators.js';
import { doesBusiness, isUnitUser } from './viewer.js';

/**
 * Where the signed-in frame's first screen (apps/web/build/first-screens.ts, which writes the same
 * comment) takes the liaison's first task cards. Kept in step by first-screens.e2e-spec, which finds the
 * cards in the built page with scripts off.
 */
export const FIRST_TASKS_MARKER = '<!--duban:first-tasks-->';

/** The cards a phone's screen holds and the app draws first (task-cards.tsx's FIRST_CARDS). */
export const FIRST_TASK_CARDS = 6;

/**
 * How long the page may wait for them: past this it goes without the list (the app draws it as before)
 * rather than hold every signed-in visitor's first byte behind a slow database.
 */
export const FIRST_TASKS_BUDGET_MS = 250;

/** Lights as the app's cards colour them (apps/web/src/app/theme.ts palette, labels.ts LIGHT_ROW_BG). */
const LIGHT_COLOURS: Record<string, { base: string; row: string }> = {
  RED: { base: '#c62828', row: '#fff1f0' },
  YELLOW: { base: '#8a6100', row: '#fffbe6' },
  GREEN: { base: '#2e7d32', row: '#fff' },
  DONE: { base: '#1565c0', row: '#fff' },
  DONE_LATE: { base: '#6a1b9a', row: '#f9f0ff' },
};

const TEXT = 'rgba(0,0,0,0.88)';
const SECONDARY = 'rgba(0,0,0,0.65)';

/** Text and attribute values escaped for HTML: titles are what people typed. */
export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"'`]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[c]!,
  );
}

export interface FirstTaskCard {
  id: string;
  light: string;
  status: string;
  role: string;
  kind: string;
  dueDate: string;
  urgeCount: number;
  signed: boolean;
  title: string;
}

/**
 * The cards as plain HTML: each a link to the task as the app opens it (`/unit?task=<id>`, the drawer
 * over the list; taskPath for a unit's people), with its light written out (not colour alone), status,
 * title and due date. Links work before any script has run: a tap is an ordinary navigation.
 */
export function renderFirstTasks(cards: FirstTaskCard[]): string {
  const tag = (text: string, style = '') =>
    `<span class="fs-tag"${style ? ` style="${style}"` : ''}>${escapeHtml(text)}</span>`;
  const items = cards.map((c) => {
    const colour = LIGHT_COLOURS[c.light] ?? LIGHT_COLOURS.GREEN;
    const light = WARNING_LIGHT_LABELS[c.light as keyof typeof WARNING_LIGHT_LABELS] ?? c.light;
    const status = TASK_STATUS_LABELS[c.status as keyof typeof TASK_STATUS_LABELS] ?? c.status;
    const role = TASK_ROLE_LABELS[c.role as keyof typeof TASK_ROLE_LABELS] ?? '';
    const marks = [
      c.kind === 'RECTIFICATION' ? tag('整改') : '',
      c.urgeCount > 0 ? tag(`催办 ${c.urgeCount}`) : '',
      c.signed ? '' : tag('待签收'),
    ].join('');
    return `<li><a class="fs-card" href="/unit?task=${escapeHtml(encodeURIComponent(c.id))}" data-light="${escapeHtml(c.light)}" style="border-left-color:${colour.base};background:${colour.row}">
${tag(light, `background:${colour.base};border-color:${colour.base};color:#fff`)}${tag(status)}<span class="fs-role">${escapeHtml(role)}</span>
<span class="fs-title">${escapeHtml(c.title)}${marks}</span>
<span class="fs-due">截止 ${escapeHtml(c.dueDate)}</span><span class="fs-open">办理</span></a></li>`;
  });
  return `<section data-first-screen-list class="fs-list">
<style>.fs-list{padding:24px;font-size:14px;line-height:1.5714;color:${TEXT}}.fs-list h1{margin:0 0 16px;font-size:24px;font-weight:600}.fs-cards{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:12px}.fs-card{display:block;padding:12px;border:1px solid #f0f0f0;border-left:4px solid;border-radius:8px;color:${TEXT};text-decoration:none}.fs-tag{display:inline-block;font-size:12px;line-height:20px;padding:0 7px;margin:0 4px 4px 0;border:1px solid #d9d9d9;border-radius:4px;background:#fafafa}.fs-role{color:${SECONDARY}}.fs-title{display:block;font-weight:600;margin:4px 0 8px}.fs-title .fs-tag{margin-left:8px;font-weight:400}.fs-open{display:block;margin-top:8px;height:44px;line-height:42px;box-sizing:border-box;text-align:center;border:1px solid #d9d9d9;border-radius:4px;background:#fff}@media (max-width: 767px){.fs-list{padding:12px}}</style>
<h1>我的任务</h1>
<ul class="fs-cards" aria-label="按紧急程度排列">
${items.join('\n')}
</ul></section>`;
}

/** What the page needs to read the session and the unit's tasks (Nest's own services, got once at start). */
export interface FirstTasksSource {
  sessions: Pick<SessionService, 'peekRequest'>;
  tasks: Pick<TaskService, 'myTasks'>;
}

const logger = new Logger('FirstScreenTasks');

/**
 * The liaison's first task cards for this request's session, as HTML, or null: no session, an ended
 * one, someone who is not a unit's business user, someone who must first change a password or set up
 * two-factor, a unit with no tasks, or any failure or slowness (the page then goes without them: it
 * must never fail or wait long because of them). Read through the same service as the app's `myTasks`
 * (its order, its tenant and unit scope), once, for the first six.
 */
export async function firstScreenTasks(source: FirstTasksSource, req: RequestWithViewer): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), FIRST_TASKS_BUDGET_MS);
  });
  const read = (async () => {
    const viewer = await source.sessions.peekRequest(req);
    if (!viewer || !viewer.unitId || !isUnitUser(viewer) || !doesBusiness(viewer)) return null;
    if (viewer.mustChangePassword || viewer.mustEnrolTwoFactor) return null;
    bindRequestTenant(viewer.tenantId);
    // One statement (the page with its key points and count), by the (tenant, unit) index.
    const page = await source.tasks.myTasks(viewer, { first: FIRST_TASK_CARDS });
    if (!page.nodes.length) return null;
    const keyPoints = new Map(page.keyPoints.map((k) => [k.id, k]));
    const cards = page.nodes.map((t): FirstTaskCard => {
      const keyPoint = keyPoints.get(t.keyPointId);
      return {
        id: t.id,
        light: t.light,
        status: t.status,
        role: t.role,
        kind: t.kind,
        dueDate: t.dueDate,
        urgeCount: t.urgeCount,
        signed: !!t.signedAt,
        title: keyPoint ? `${keyPoint.label} ${keyPoint.title}` : '—',
      };
    });
    return renderFirstTasks(cards);
  })().catch((error: unknown) => {
    logger.warn(`first screen sent without the task list: ${(error as Error)?.message ?? String(error)}`);
    return null;
  });
  try {
    return await Promise.race([read, late]);
  } finally {
    clearTimeout(timer);
  }
}
