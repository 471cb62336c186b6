import { Module } from '@nestjs/common';
import { UnitImportController } from './import/unit-import.controller.js';
import { UnitImportService } from './import/unit-import.service.js';
import { UnitLoader } from './unit.loader.js';
import { UnitResolver } from './unit.resolver.js';
import { UnitService } from './unit.service.js';

@Module({ controllers: [UnitImportController], providers: [UnitLoader, UnitService, UnitImportService, UnitResolver], exports: [UnitLoader, UnitService] })
export class UnitModule {}
