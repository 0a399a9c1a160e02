export * from './choose';
export * from './report';
