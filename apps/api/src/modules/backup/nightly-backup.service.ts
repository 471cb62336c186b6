import { spawn } from 'node:child_process';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { SHANGHAI_ZONE } from '@duban/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { libpqEnv } from '../../database/libpq-env.js';
import { logger } from '../../logging/logger.js';
import { QueueService } from '../queue/index.js';

/** 02:30 in Shanghai: the quietest hour, well before the 07:30 supervision run. */
export const BACKUP_CRON = '30 2 * * *';
const FILE = /^duban-(\d{8}-\d{6})\.dump$/;
const HOUR_MS = 3_600_000;

export interface BackupStatus {
  /** The newest complete backup, or null when there is none. */
  file: string | null;
  at: Date | null;
  ageHours: number | null;
}

/** duban-YYYYMMDD-HHmmss.dump in Shanghai time, so the names sort in time order. */
function fileName(now: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: SHANGHAI_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return `duban-${parts.year}${parts.month}${parts.day}-${parts.hour}${parts.minute}${parts.second}.dump`;
}

/**
 * The nightly backup of a Duban on one machine: pg_dump of the app's own database into
 * BACKUP_DIR (DATA_DIR/backups), keeping the newest BACKUP_KEEP. On by default with the embedded
 * database; a deployment on an external PostgreSQL backs up with pgBackRest (README) and may turn it
 * on too. A dump is written under a temporary name and renamed when complete, so a crash never
 * leaves a half file that looks like a backup. The last backup's age is logged at start and after
 * each run, a warning when it is older than two days.
 */
@Injectable()
export class NightlyBackupService implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: QueueService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    if (!this.config.backup.nightly) return;
    this.queue.register({
      name: 'nightly-backup',
      schedule: { cron: BACKUP_CRON, tz: SHANGHAI_ZONE },
      options: { retryLimit: 2, retryDelay: 600, expireInSeconds: 2 * 3600 },
      work: async () => void (await this.backup()),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.backup.nightly) this.logAge(await this.status());
  }

  /** Takes a backup now, then deletes all but the newest BACKUP_KEEP; returns the file written. */
  async backup(): Promise<string> {
    const dir = this.config.backup.dir;
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, fileName(this.clock.now()));
    const partial = `${file}.partial`;
    const url = (this.dataSource.options as { url: string }).url;
    try {
      await pgDump(['--format=custom', '--no-password', `--file=${partial}`], libpqEnv(url));
      await rename(partial, file);
    } catch (error) {
      await rm(partial, { force: true });
      logger().error({ err: error, dir }, 'nightly backup failed');
      throw error;
    }
    const all = await this.backups();
    for (const old of all.slice(this.config.backup.keep)) await rm(path.join(dir, old));
    logger().info({ file, kept: Math.min(all.length, this.config.backup.keep) }, 'nightly backup written');
    this.logAge(await this.status());
    return file;
  }

  /** The newest backup and its age (for the log, the settings page and monitoring). */
  async status(): Promise<BackupStatus> {
    const [newest] = await this.backups();
    if (!newest) return { file: null, at: null, ageHours: null };
    const at = new Date((await stat(path.join(this.config.backup.dir, newest))).mtimeMs);
    return { file: newest, at, ageHours: (this.clock.now().getTime() - at.getTime()) / HOUR_MS };
  }

  /** The complete backups in BACKUP_DIR, newest first. */
  private async backups(): Promise<string[]> {
    const names = await readdir(this.config.backup.dir).catch(() => [] as string[]);
    return names.filter((n) => FILE.test(n)).sort((a, b) => b.localeCompare(a));
  }

  private logAge(status: BackupStatus) {
    const line = { dir: this.config.backup.dir, file: status.file, ageHours: status.ageHours?.toFixed(1) ?? null };
    if (status.ageHours === null)
      logger().warn(line, 'no backup yet: the first is taken at 02:30 (or npm run db:backup)');
    else if (status.ageHours > 48) logger().warn(line, 'last backup is older than two days');
    else logger().info(line, 'last backup');
  }
}

function pgDump(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    const child = spawn('pg_dump', args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString();
    });
    child.on('error', (error) =>
      reject(new Error(`pg_dump could not start (install postgresql-client-15): ${error.message}`)),
    );
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`pg_dump failed (${signal ?? `exit code ${code}`}): ${stderr.trim()}`)),
    );
  });
}
