// How big each generated tenant is. The province is the one the benchmarks read; the filler cities
// exist to make the tables large so tenant filters and indexes have to do their job.

export interface TenantShape {
  code: string;
  /** 'province' or 'city': decides the unit directory's flavour. */
  level: 'province' | 'city';
  /** The government's short name used in titles, e.g. 辽安省 / 青松市. */
  govName: string;
  units: number;
  years: number;
  keyPointsPerYear: number;
  /** Average units a key point is assigned to (one task each). */
  unitsPerKeyPoint: number;
  /** Average progress reports per task (fewer where a task's life was short). */
  reportsPerTask: number;
}

export const PROVINCE_SHAPE = {
  level: 'province',
  units: 200,
  years: 5,
  keyPointsPerYear: 300,
  unitsPerKeyPoint: 40,
  reportsPerTask: 5,
} as const;
export const FILLER_SHAPE = {
  level: 'city',
  units: 80,
  years: 5,
  keyPointsPerYear: 100,
  unitsPerKeyPoint: 20,
  reportsPerTask: 2,
} as const;

export type ShapeSize = Pick<
  TenantShape,
  'units' | 'years' | 'keyPointsPerYear' | 'unitsPerKeyPoint' | 'reportsPerTask'
>;

export function expectedTasks(shape: ShapeSize): number {
  return shape.years * shape.keyPointsPerYear * Math.min(shape.unitsPerKeyPoint, shape.units);
}
