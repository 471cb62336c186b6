// What other modules may use from the answer-cache feature.
export { AnswerCacheModule } from './answer-cache.module.js';
export {
  COVERED_FIELDS,
  LOWER_COVERED_FIELDS,
  keptAnswerStamps,
  type KeptAnswerStamps,
} from './cacheable-operation.js';
