import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { one } from '../../../common/sql.js';
import type { RobotPlatform } from '../message-kinds.js';
import { SECRET, SecretStore } from '../secrets/secret-store.service.js';
import { failed, judgeAnswer, type SendResult } from './platform-answer.js';
import { PlatformHttp } from './platform-http.js';
import { robotRequest, type RobotContent } from './robot-message.js';

export interface RobotTarget {
  id: string;
  name: string;
  platform: RobotPlatform;
  webhookUrl: string;
  signSecret: string | null;
}

/** Group-robot messages: signed when set up with 加签, checked against the allowed hosts, errcode read. */
@Injectable()
export class RobotChannel {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secrets: SecretStore,
    private readonly http: PlatformHttp,
  ) {}

  async target(tenantId: string, robotId: string): Promise<RobotTarget | null> {
    const robot = await one<{ id: string; name: string; platform: RobotPlatform }>(
      this.dataSource,
      `SELECT id, name, platform FROM message_robot WHERE tenant_id = $1 AND id = $2`,
      [tenantId, robotId],
    );
    if (!robot) return null;
    const found = await this.secrets.present(this.dataSource, tenantId, [
      SECRET.robotWebhook(robotId),
      SECRET.robotSign(robotId),
    ]);
    const webhookUrl = found.get(SECRET.robotWebhook(robotId));
    return webhookUrl ? { ...robot, webhookUrl, signSecret: found.get(SECRET.robotSign(robotId)) ?? null } : null;
  }

  /** Posts the content; `answer` is the robot's own reply, shown by 发送测试消息. */
  async send(target: RobotTarget, content: RobotContent, now: Date): Promise<SendResult & { answer: string }> {
    // Checked again at send time: the operator's allowed origins may have changed since it was saved.
    const problem = this.http.robotUrlProblem(target.platform, target.webhookUrl);
    if (problem) return { ...failed('BLOCKED', problem), answer: '' };
    const request = robotRequest(target.platform, target.webhookUrl, target.signSecret, content, Date.now());
    const res = await this.http.call(request.url, 'POST', request.body);
    return { ...judgeAnswer(res, now), answer: res.text };
  }
}
