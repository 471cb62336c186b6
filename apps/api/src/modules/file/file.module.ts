import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { FileController } from './file.controller.js';
import { FileLoader } from './file.loader.js';
import { FileService } from './file.service.js';
import { FILE_STORAGE } from './file-storage.js';
import { PostgresFileStorage } from './postgres-file-storage.js';

@Module({
  imports: [
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      // Memory storage (multer's default without `dest`): the bytes go to FileStorage after the checks.
      // Browsers send UTF-8 file names; multer would otherwise decode them as latin1.
      useFactory: (config: AppConfig) => ({ limits: { fileSize: config.maxUploadBytes, files: 1, fields: 5 }, defParamCharset: 'utf8' }),
    }),
  ],
  controllers: [FileController],
  providers: [FileService, FileLoader, { provide: FILE_STORAGE, useClass: PostgresFileStorage }],
  exports: [FileService, FileLoader],
})
export class FileModule {}
