import { Module } from '@nestjs/common';
import { PublicPagePreviewController } from './public-page-preview.controller.js';
import { PublicPageController } from './public-page.controller.js';
import { PublicPageResolver } from './public-page.resolver.js';
import { PublicPageService } from './public-page.service.js';
import { PublicSnapshotService } from './public-snapshot.service.js';

/** 政务公开: the public page of a plan's progress (HTML, JSON, CSV) and the office's switch and preview. */
@Module({
  controllers: [PublicPageController, PublicPagePreviewController],
  providers: [PublicSnapshotService, PublicPageService, PublicPageResolver],
})
export class PublicPageModule {}
