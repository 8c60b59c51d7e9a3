export * from './matrix/index';
export * from './tools';
