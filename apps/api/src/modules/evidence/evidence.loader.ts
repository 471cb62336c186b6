import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { loader } from '../../common/loaders.js';
import type { Viewer } from '../../common/viewer.js';
import { EvidenceCheckService } from './evidence-check.service.js';
import type { EvidenceFlag } from './evidence-flags.js';

/** Per-request batching of check results, so a report list costs one flags query whatever its length. */
@Injectable()
export class EvidenceLoader {
  constructor(private readonly checks: EvidenceCheckService) {}

  flags(req: object, viewer: Viewer): DataLoader<string, EvidenceFlag[]> {
    return loader(
      req,
      'evidence.flags',
      () =>
        new DataLoader<string, EvidenceFlag[]>(async (reportIds) => {
          const found = await this.checks.flagsForReports(viewer.tenantId, reportIds);
          return reportIds.map((id) => found.get(id) ?? []);
        }),
    );
  }

  finalUrl(req: object, viewer: Viewer): DataLoader<string, string | null> {
    return loader(
      req,
      'evidence.finalUrl',
      () =>
        new DataLoader<string, string | null>(async (evidenceIds) => {
          const found = await this.checks.finalUrls(viewer.tenantId, evidenceIds);
          return evidenceIds.map((id) => found.get(id) ?? null);
        }),
    );
  }
}
