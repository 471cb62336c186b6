import { Injectable } from '@nestjs/common';

/**
 * The current instant, injected rather than read from `new Date()` so that tests and the scheduled
 * jobs can fix time (warning lights and overdue counts depend on "today" in Shanghai).
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
