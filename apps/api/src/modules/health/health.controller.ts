import { Controller, Get, HttpCode, HttpException, HttpStatus } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth.decorators.js';
import { logger } from '../../logging/logger.js';

@Controller()
@Public()
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** Liveness: the process is up and serving. */
  @Get('healthz')
  @HttpCode(200)
  healthz() {
    return { status: 'ok' };
  }

  /** Readiness: 200 only while the database answers, so a load balancer stops sending work otherwise. */
  @Get('readyz')
  async readyz() {
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('database check timed out')), 2000)),
      ]);
      return { status: 'ready' };
    } catch (error) {
      // The reason goes to the log only: a database error names hosts, users and versions.
      logger().warn({ err: (error as Error).message }, 'not ready: database check failed');
      throw new HttpException({ status: 'unavailable' }, HttpStatus.SERVICE_UNAVAILABLE);
    }
  }
}
