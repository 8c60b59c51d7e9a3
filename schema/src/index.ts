export * from './policy';
export * from './classification';
