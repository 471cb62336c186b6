import { Global, Module } from '@nestjs/common';
import { Clock } from './clock.js';
import { LocalDateScalar } from './scalars.js';

@Global()
@Module({ providers: [LocalDateScalar, Clock], exports: [Clock] })
export class CommonModule {}
