import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { InstructionModel } from './dto/instruction.model.js';
import { InstructionService } from './instruction.service.js';
import { IdempotencyKeyArg } from '../../common/idempotency.args.js';

@Resolver(() => InstructionModel)
export class InstructionResolver {
  constructor(private readonly instructions: InstructionService) {}

  @Roles('LEADERSHIP')
  @Mutation(() => InstructionModel, { description: '批示 on a key point (leadership only)' })
  addInstruction(
    @CurrentViewer() viewer: Viewer,
    @Args('keyPointId', { type: () => ID }) keyPointId: string,
    @Args('text') text: string,
    @IdempotencyKeyArg() idempotencyKey?: string | null,
  ): Promise<InstructionModel> {
    return this.instructions.addInstruction(viewer, keyPointId, text, idempotencyKey);
  }
}
