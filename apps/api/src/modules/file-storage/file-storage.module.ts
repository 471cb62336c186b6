import { Module } from '@nestjs/common';
import { FILE_STORAGE } from './file-storage.js';
import { PostgresFileStorage } from './postgres-file-storage.js';

/**
 * Where file bytes live, apart from the file feature's own rules (who may upload or read): the upper
 * level's roll-up reads a lower tenant's shared files through the same storage without depending on
 * the file feature, which depends on tasks, which depend on the levels.
 */
@Module({
  providers: [{ provide: FILE_STORAGE, useClass: PostgresFileStorage }],
  exports: [FILE_STORAGE],
})
export class FileStorageModule {}
