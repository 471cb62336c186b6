import { Module } from '@nestjs/common';
import { UnitModule } from '../unit/index.js';
import { AccountImportController } from './accounts/account-import.controller.js';
import { AccountIssueService } from './accounts/account-issue.service.js';
import { UserResolver } from './user.resolver.js';
import { UserService } from './user.service.js';
import { UnusedAccountsResolver } from './unused-accounts.resolver.js';
import { UnusedAccountsService } from './unused-accounts.service.js';

@Module({
  imports: [UnitModule],
  controllers: [AccountImportController],
  providers: [UserService, UserResolver, AccountIssueService, UnusedAccountsService, UnusedAccountsResolver],
  exports: [UnusedAccountsService],
})
export class UserModule {}
