import { Field, InputType } from '@nestjs/graphql';

/** The file travels as base64 inside the GraphQL request (no multipart uploads on this API). */
@InputType()
export class ImportUnitsInput {
  @Field({ description: 'Original file name; .xlsx or .csv decides how it is read' })
  filename!: string;

  @Field()
  contentBase64!: string;

  @Field({ defaultValue: true, description: 'true: only check and report per row; false: write all rows or none' })
  dryRun!: boolean;

  @Field({ defaultValue: false, description: 'Also deactivate (停用) the active units the file does not name' })
  deactivateMissing!: boolean;
}
