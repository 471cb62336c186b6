// The export feature serves downloads; other modules use nothing from it.
export { ExportModule } from './export.module.js';
