// What other modules may use from the answer-cache feature.
export { AnswerCacheModule } from './answer-cache.module.js';
export { COVERED_FIELDS, isCacheableOperation } from './cacheable-operation.js';
