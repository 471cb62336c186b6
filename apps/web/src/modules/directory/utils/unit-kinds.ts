import { UNIT_KIND_LABELS as DOMAIN_UNIT_KIND_LABELS } from '@duban/domain';
import type { UnitKind } from '../../../generated/graphql';

export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, string>> = DOMAIN_UNIT_KIND_LABELS;
