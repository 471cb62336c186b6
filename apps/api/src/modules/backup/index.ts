// What other modules may use from the backup feature.
export { BackupModule } from './backup.module.js';
export { NightlyBackupService, type BackupStatus } from './nightly-backup.service.js';
