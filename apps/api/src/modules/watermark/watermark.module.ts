import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ExportFooterInterceptor } from './export-footer.interceptor.js';
import { WatermarkService } from './watermark.service.js';

/** 防泄漏: the watermark line in every export's footer (the page's own watermark is drawn by the web). */
@Module({
  providers: [WatermarkService, { provide: APP_INTERCEPTOR, useClass: ExportFooterInterceptor }],
  exports: [WatermarkService],
})
export class WatermarkModule {}
