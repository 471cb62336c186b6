import { Controller, Get, HttpCode, HttpException, HttpStatus } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth.decorators.js';
import { processFault } from '../../common/process-guard.js';
import { ReadinessProbe } from '../../database/readiness-probe.js';
import { ReplicaReads } from '../../database/read-replica.js';
import { logger } from '../../logging/logger.js';

@Controller()
@Public()
export class HealthController {
  private readonly probe: ReadinessProbe;

  constructor(
    dataSource: DataSource,
    private readonly replica: ReplicaReads,
  ) {
    this.probe = new ReadinessProbe(dataSource);
  }

  /** Liveness: the process is up and serving. */
  @Get('healthz')
  @HttpCode(200)
  healthz() {
    return { status: 'ok' };
  }

  /**
   * Readiness: 200 only while the database answers and takes writes, so a load balancer stops sending
   * work otherwise. The read replica never decides it (reads fall back to the primary); its state and
   * counts ride along for monitoring.
   */
  @Get('readyz')
  async readyz() {
    const fault = processFault();
    if (fault) {
      logger().warn({ fault }, 'not ready: recovering from a fault in this process');
      throw new HttpException({ status: 'unavailable' }, HttpStatus.SERVICE_UNAVAILABLE);
    }
    let reason: string | null;
    try {
      reason = await this.probe.check();
    } catch (error) {
      // The reason goes to the log only: a database error names hosts, users and versions.
      logger().warn({ err: (error as Error).message }, 'not ready: database check failed');
      reason = 'unreachable';
    }
    if (!reason) {
      const replica = this.replica.status();
      return replica.state === 'off' ? { status: 'ready' } : { status: 'ready', readReplica: replica };
    }
    if (reason === 'read-only') logger().warn('not ready: the database is read-only (a standby or a demoted primary)');
    throw new HttpException({ status: 'unavailable' }, HttpStatus.SERVICE_UNAVAILABLE);
  }
}
