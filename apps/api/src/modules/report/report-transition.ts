import { isDomainError, REPORT_STATUS_LABELS, type ReportStatus } from '@duban/domain';
import { badInput } from '../../common/app-error.js';

/** Runs a domain transition, turning a refused one into a Chinese BAD_USER_INPUT naming the current status. */
export function reportTransition<T>(current: ReportStatus, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (isDomainError(err, 'INVALID_TRANSITION'))
      throw badInput(`该报告当前状态为“${REPORT_STATUS_LABELS[current]}”，不能执行此操作`);
    if (isDomainError(err, 'REASON_REQUIRED')) throw badInput('请填写退回理由', 'reason');
    throw err;
  }
}
