import { Module } from '@nestjs/common';
import { UnitModule } from '../unit/index.js';
import { AccountImportController } from './accounts/account-import.controller.js';
import { AccountIssueService } from './accounts/account-issue.service.js';
import { UserResolver } from './user.resolver.js';
import { UserService } from './user.service.js';

@Module({
  imports: [UnitModule],
  controllers: [AccountImportController],
  providers: [UserService, UserResolver, AccountIssueService],
})
export class UserModule {}
