import { Module } from '@nestjs/common';
import { MessagingModule } from '../messaging/index.js';
import { UnitImportController } from './import/unit-import.controller.js';
import { UnitImportService } from './import/unit-import.service.js';
import { UnitLoader } from './unit.loader.js';
import { UnitResolver } from './unit.resolver.js';
import { UnitService } from './unit.service.js';

@Module({
  imports: [MessagingModule],
  controllers: [UnitImportController],
  providers: [UnitLoader, UnitService, UnitImportService, UnitResolver],
  exports: [UnitLoader, UnitService],
})
export class UnitModule {}
