// What other modules may use from the calendar feature.
export { CalendarModule } from './calendar.module.js';
export { CalendarService } from './calendar.service.js';
