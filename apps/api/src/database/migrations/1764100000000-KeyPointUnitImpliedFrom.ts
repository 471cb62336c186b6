import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A unit a key point has because the document names it once for many items (`…均为责任单位，以下不再
 * 列出`, a list marked 下同, a preamble clause) keeps that clause, so the office sees where it came from.
 */
export class KeyPointUnitImpliedFrom1764100000000 implements MigrationInterface {
  name = 'KeyPointUnitImpliedFrom1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE key_point_unit ADD COLUMN implied_from text CHECK (length(implied_from) <= 500)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE key_point_unit DROP COLUMN implied_from`);
  }
}
