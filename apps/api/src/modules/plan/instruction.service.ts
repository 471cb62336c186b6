import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { notFound } from '../../common/app-error.js';
import { one, rows } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import { AuditService } from '../audit/index.js';
import { MessageEvents } from '../messaging/index.js';
import { toInstructionModel, type InstructionModel, type InstructionRow } from './dto/instruction.model.js';
import { LIMITS } from './plan-validation.js';
import { requiredText } from '../../common/validation.js';
import { createOnce } from '../../common/idempotency.js';

/** 批示: only leadership comments on key points; instructions are kept, never edited. */
@Injectable()
export class InstructionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly messages: MessageEvents,
  ) {}

  async addInstruction(
    viewer: Viewer,
    keyPointId: string,
    text: string,
    idempotencyKey?: string | null,
  ): Promise<InstructionModel> {
    const body = requiredText(text, 'text', '批示内容', LIMITS.instruction);
    const model = (row: InstructionRow) => toInstructionModel({ ...row, author_name: viewer.displayName });
    return this.dataSource.transaction((m) =>
      createOnce(m, viewer, {
        operation: `instruction:${keyPointId}`,
        key: idempotencyKey,
        create: async () => model(await this.insertInstruction(m, viewer, keyPointId, body)),
        idOf: (instruction) => instruction.id,
        replay: async (id) =>
          model(
            (await one<InstructionRow>(m, `SELECT * FROM instruction WHERE tenant_id = $1 AND id = $2`, [
              viewer.tenantId,
              id,
            ]))!,
          ),
      }),
    );
  }

  private async insertInstruction(
    m: EntityManager,
    viewer: Viewer,
    keyPointId: string,
    body: string,
  ): Promise<InstructionRow> {
    const keyPoint = await one<{ id: string }>(
      m,
      `SELECT id FROM key_point WHERE tenant_id = $1 AND id = $2 FOR SHARE`,
      [viewer.tenantId, keyPointId],
    );
    if (!keyPoint) throw notFound('工作要点');
    const row = await one<InstructionRow>(
      m,
      `INSERT INTO instruction (tenant_id, key_point_id, author_id, text) VALUES ($1, $2, $3, $4) RETURNING *`,
      [viewer.tenantId, keyPointId, viewer.userId, body],
    );
    await this.audit.record(m, viewer, {
      entityType: 'key_point',
      entityId: keyPointId,
      action: 'instruction.add',
      after: row,
    });
    await this.messages.taskEvent(m, viewer, 'INSTRUCTION', await this.tasksOf(m, viewer.tenantId, keyPointId), {
      text: body,
    });
    return row!;
  }

  private async tasksOf(m: EntityManager, tenantId: string, keyPointId: string): Promise<string[]> {
    return (
      await rows<{ id: string }>(
        m,
        `SELECT id FROM task WHERE tenant_id = $1 AND key_point_id = $2 AND status <> 'CLOSED'`,
        [tenantId, keyPointId],
      )
    ).map((r) => r.id);
  }
}
