import { Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { ServerInfoResolver } from './server-info.resolver.js';

@Module({ controllers: [HealthController], providers: [ServerInfoResolver] })
export class HealthModule {}
