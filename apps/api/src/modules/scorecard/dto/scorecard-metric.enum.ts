import { registerEnumType } from '@nestjs/graphql';
import { SCORECARD_METRICS, type ScorecardMetric } from '../scorecard-metrics.js';

export const ScorecardMetricEnum = Object.fromEntries(SCORECARD_METRICS.map((m) => [m.metric, m.metric])) as {
  [K in ScorecardMetric]: K;
};
registerEnumType(ScorecardMetricEnum, {
  name: 'ScorecardMetric',
  description: SCORECARD_METRICS.map((m) => `${m.metric} ${m.label}`).join(', '),
});
