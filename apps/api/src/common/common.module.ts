import { Global, Module } from '@nestjs/common';
import { LocalDateScalar } from './scalars.js';

@Global()
@Module({ providers: [LocalDateScalar] })
export class CommonModule {}
