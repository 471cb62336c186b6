import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/index.js';
import { NightlyBackupService } from './nightly-backup.service.js';

/** The nightly backup of a Duban on one machine (pg_dump into DATA_DIR/backups, with retention). */
@Module({
  imports: [QueueModule],
  providers: [NightlyBackupService],
  exports: [NightlyBackupService],
})
export class BackupModule {}
