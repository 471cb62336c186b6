import { Module } from '@nestjs/common';
import { UnitModule } from '../unit/unit.module.js';
import { UserResolver } from './user.resolver.js';
import { UserService } from './user.service.js';

@Module({ imports: [UnitModule], providers: [UserService, UserResolver] })
export class UserModule {}
