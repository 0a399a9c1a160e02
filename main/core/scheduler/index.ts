export * from './sm2';
export * from './day';
export * from './types';
export { sm2Scheduler, newCardSchedule, isInDrill, DRILL_EXIT_QUALITY } from './sm2Scheduler';
export * from './state';
export { sm2CardScheduler } from './sm2Card';
export { createFsrsScheduler, fsrsGrade, DEFAULT_FSRS_SETTINGS, NEW_FSRS_STATE, type FsrsScheduler } from './fsrs';
export { replay, replayStates, switchScheduler, type LoggedAnswer } from './replay';
export { evaluateSchedulers, splitDay, sm2Recall, type CardHistory } from './evaluate';
