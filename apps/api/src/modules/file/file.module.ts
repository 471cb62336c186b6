import { Module } from '@nestjs/common';
import { FileController } from './file.controller.js';
import { FileLoader } from './file.loader.js';
import { FileService } from './file.service.js';
import { FILE_STORAGE } from './file-storage.js';
import { PostgresFileStorage } from './postgres-file-storage.js';

@Module({
  controllers: [FileController],
  providers: [FileService, FileLoader, { provide: FILE_STORAGE, useClass: PostgresFileStorage }],
  exports: [FileService, FileLoader, FILE_STORAGE],
})
export class FileModule {}
