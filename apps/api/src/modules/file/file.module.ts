import { Module } from '@nestjs/common';
import { FileController } from './file.controller.js';
import { FileLoader } from './file.loader.js';
import { FileService } from './file.service.js';
import { FileStorageModule } from '../file-storage/index.js';

@Module({
  imports: [FileStorageModule],
  controllers: [FileController],
  providers: [FileService, FileLoader],
  exports: [FileService, FileLoader],
})
export class FileModule {}
