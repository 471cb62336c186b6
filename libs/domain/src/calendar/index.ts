export * from './iso-date.js';
export * from './shanghai-time.js';
export * from './work-calendar.js';
export { NOTICE_YEARS } from './holiday-notice.js';
export * from './holiday-notice-text.js';
