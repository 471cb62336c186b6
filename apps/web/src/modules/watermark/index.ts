// What other modules may use from the watermark feature.
export { PageWatermark } from './components/page-watermark';
export { WATERMARK_TEST_ID } from './hooks/use-watermark';
