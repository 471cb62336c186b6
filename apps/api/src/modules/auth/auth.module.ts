import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { TwoFactorResolver } from './two-factor.resolver.js';
import { TwoFactorService } from './two-factor.service.js';
import { SecurityPolicyResolver } from './security-policy.resolver.js';
import { SecurityPolicyService } from './security-policy.service.js';
import { SessionService } from './session.service.js';
import { SignInAuditService } from './sign-in-audit.service.js';
import { SignInThrottleService } from './sign-in-throttle.service.js';

@Global()
@Module({
  providers: [
    SecurityPolicyService,
    SecurityPolicyResolver,
    TwoFactorService,
    TwoFactorResolver,
    SessionService,
    SignInThrottleService,
    SignInAuditService,
    AuthService,
    AuthResolver,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [SessionService, AuthService, SecurityPolicyService],
})
export class AuthModule {}
