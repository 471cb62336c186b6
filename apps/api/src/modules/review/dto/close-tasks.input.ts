import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType({ description: 'A task to close, with the version last read' })
export class CloseTaskItemInput {
  @Field(() => ID)
  taskId!: string;

  @Field(() => Int)
  version!: number;
}
