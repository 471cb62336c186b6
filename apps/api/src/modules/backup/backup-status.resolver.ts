import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../../common/auth.decorators.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { BackupStatusModel } from './backup-status.model.js';
import { NightlyBackupService } from './nightly-backup.service.js';

@Resolver(() => BackupStatusModel)
export class BackupStatusResolver {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly backups: NightlyBackupService,
  ) {}

  @Roles('OFFICE_ADMIN')
  @Query(() => BackupStatusModel, { description: 'The age of the newest nightly backup of this server' })
  async backupStatus(): Promise<BackupStatusModel> {
    const status = await this.backups.status();
    return {
      nightly: this.config.backup.nightly,
      lastBackupAt: status.at,
      ageHours: status.ageHours,
      keep: this.config.backup.keep,
    };
  }
}
