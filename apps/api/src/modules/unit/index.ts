// What other modules may use from the unit feature.
export { UnitModule } from './unit.module.js';
export { UnitService, lockUnitDirectory } from './unit.service.js';
export { UnitLoader } from './unit.loader.js';
export { UnitModel, UnitKindEnum, toUnitModel, type UnitRow } from './dto/unit.model.js';
export { UNIT_KINDS, type UnitKind } from './unit-kinds.js';
export { checkIds, cleanName } from './unit-fields.js';
export { assertUnitsOfTenant, hasActivePerson, unitHasActivePerson, unitsWithout } from './unit-people.js';
// The directory sheet: its reader (also for the account sheet) and the workbook the office edits.
export {
  MAX_IMPORT_BYTES,
  readSheet,
  sheetTask,
  type SheetColumns,
  type SheetRow,
} from './import/unit-sheet.reader.js';
export { directoryTemplate, directoryWorkbook } from './import/unit-workbook.js';
