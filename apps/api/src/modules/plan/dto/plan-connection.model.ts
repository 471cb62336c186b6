import { ConnectionType } from '../../../common/pagination.js';
import { PlanModel } from './plan.model.js';

export const PlanConnection = ConnectionType(PlanModel, 'PlanConnection');
