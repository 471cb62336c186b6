// What other modules may use from the evidence feature.
export { EvidenceModule } from './evidence.module.js';
