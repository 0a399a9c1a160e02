export * from './sm2';
export * from './day';
export * from './types';
export { sm2Scheduler, newCardSchedule, isInDrill, DRILL_EXIT_QUALITY } from './sm2Scheduler';
