import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/index.js';
import { BackupStatusResolver } from './backup-status.resolver.js';
import { NightlyBackupService } from './nightly-backup.service.js';

/** The nightly backup of a Duban on one machine (pg_dump into DATA_DIR/backups, with retention) and its age for the admin. */
@Module({
  imports: [QueueModule],
  providers: [NightlyBackupService, BackupStatusResolver],
  exports: [NightlyBackupService],
})
export class BackupModule {}
