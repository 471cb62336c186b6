import { Global, Module } from '@nestjs/common';
import { IsolatedRunner } from '../isolation/isolated-runner.js';
import { Clock } from './clock.js';
import { LocalDateScalar } from './scalars.js';
import { TenantEvents } from './tenant-events.js';

@Global()
@Module({
  providers: [LocalDateScalar, Clock, TenantEvents, IsolatedRunner],
  exports: [Clock, TenantEvents, IsolatedRunner],
})
export class CommonModule {}
