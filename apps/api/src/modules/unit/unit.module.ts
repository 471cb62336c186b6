import { Module } from '@nestjs/common';
import { UnitLoader } from './unit.loader.js';

@Module({ providers: [UnitLoader], exports: [UnitLoader] })
export class UnitModule {}
