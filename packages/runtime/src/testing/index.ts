export * from './live';
export * from './matrix/index';
export * from './tools';
