import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A two-factor enrolment waiting for its first code' })
export class TwoFactorEnrolmentModel {
  @Field({ description: 'The secret in base32, for typing into an app that cannot scan' })
  secret!: string;

  @Field({ description: 'The otpauth:// URI the QR code carries' })
  uri!: string;

  @Field({ description: 'The QR code as a data: URL (PNG)' })
  qrDataUrl!: string;
}
