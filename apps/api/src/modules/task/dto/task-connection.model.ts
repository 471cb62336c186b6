import { ConnectionType } from '../../../common/pagination.js';
import { TaskModel } from './task.model.js';

export const TaskConnection = ConnectionType(TaskModel, 'TaskConnection');
export type TaskConnection = InstanceType<typeof TaskConnection>;
