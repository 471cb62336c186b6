// The kinds and their Chinese names are the domain's vocabulary (the web and the directory sheet use the same words).
export { UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from '@duban/domain';
