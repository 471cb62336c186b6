import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('BackupStatus', { description: "The server's nightly backup, for the office admin's settings page" })
export class BackupStatusModel {
  @Field({ description: 'A backup is taken every night at 02:30 (BACKUP_NIGHTLY)' })
  nightly!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the newest backup was written; null when there is none' })
  lastBackupAt!: Date | null;

  @Field(() => Float, { nullable: true, description: 'Hours since the newest backup' })
  ageHours!: number | null;

  @Field(() => Int, { description: 'How many of the newest backups are kept (BACKUP_KEEP)' })
  keep!: number;
}
