import { Global, Module } from '@nestjs/common';
import { ReplicaReads } from '../database/read-replica.js';
import { IsolatedRunner } from '../isolation/isolated-runner.js';
import { Clock } from './clock.js';
import { LocalDateScalar } from './scalars.js';
import { TenantEvents } from './tenant-events.js';

@Global()
@Module({
  providers: [LocalDateScalar, Clock, TenantEvents, IsolatedRunner, ReplicaReads],
  exports: [Clock, TenantEvents, IsolatedRunner, ReplicaReads],
})
export class CommonModule {}
