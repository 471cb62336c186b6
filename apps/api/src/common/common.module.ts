import { Global, Module } from '@nestjs/common';
import { Clock } from './clock.js';
import { LocalDateScalar } from './scalars.js';
import { TenantEvents } from './tenant-events.js';

@Global()
@Module({ providers: [LocalDateScalar, Clock, TenantEvents], exports: [Clock, TenantEvents] })
export class CommonModule {}
