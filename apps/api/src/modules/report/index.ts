// What other modules may use from the report feature.
export { ReportModule } from './report.module.js';
export {
  ProgressReportModel,
  ReportEvidenceModel,
  toReportEvidenceModel,
  type ReportEvidenceRow,
} from './dto/progress-report.model.js';
