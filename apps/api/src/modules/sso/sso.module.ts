import { Module } from '@nestjs/common';
import { MessagingModule } from '../messaging/index.js';
import { SsoController } from './sso.controller.js';
import { SsoResolver } from './sso.resolver.js';
import { SsoSettingsService } from './sso-settings.service.js';
import { SsoService } from './sso.service.js';

/** Single sign-on with a tenant's 统一身份认证 platform (OpenID Connect). */
@Module({
  imports: [MessagingModule],
  controllers: [SsoController],
  providers: [SsoSettingsService, SsoService, SsoResolver],
})
export class SsoModule {}
