import { graphql } from '../../../generated';

export const BackupStatusQuery = graphql(`
  query BackupStatus {
    backupStatus {
      nightly
      lastBackupAt
      ageHours
      keep
    }
  }
`);
