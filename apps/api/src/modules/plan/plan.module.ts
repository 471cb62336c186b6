import { Module } from '@nestjs/common';
import { PlanLoader } from './plan.loader.js';

@Module({ providers: [PlanLoader], exports: [PlanLoader] })
export class PlanModule {}
