import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { SessionPolicy } from './session-policy.js';
import { SessionService } from './session.service.js';
import { SignInAuditService } from './sign-in-audit.service.js';
import { SignInThrottleService } from './sign-in-throttle.service.js';

@Global()
@Module({
  providers: [
    SessionPolicy,
    SessionService,
    SignInThrottleService,
    SignInAuditService,
    AuthService,
    AuthResolver,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [SessionService, AuthService],
})
export class AuthModule {}
