export * from './cases';
export * from './compare';
export * from './describe';
export * from './expect';
export * from './fixtures';
export * from './model';
export * from './routes';
export * from './run';
