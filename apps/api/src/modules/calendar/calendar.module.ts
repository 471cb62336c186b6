import { Module } from '@nestjs/common';
import { CalendarResolver } from './calendar.resolver.js';
import { CalendarService } from './calendar.service.js';

/** The tenant's working-day calendar; other modules count working days through CalendarService.forTenant. */
@Module({ providers: [CalendarService, CalendarResolver], exports: [CalendarService] })
export class CalendarModule {}
