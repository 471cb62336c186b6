import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditBatch } from './audit-batch.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditResolver } from './audit.resolver.js';
import { AuditSealer } from './audit-sealer.js';
import { AuditService } from './audit.service.js';
import { DownloadAuditInterceptor } from './download-audit.interceptor.js';
import { ReadAuditInterceptor } from './read-audit.interceptor.js';

@Global()
@Module({
  providers: [
    AuditSealer,
    AuditBatch,
    AuditService,
    AuditLogService,
    AuditResolver,
    { provide: APP_INTERCEPTOR, useClass: DownloadAuditInterceptor },
    { provide: APP_INTERCEPTOR, useClass: ReadAuditInterceptor },
  ],
  exports: [AuditService, AuditLogService],
})
export class AuditModule {}
