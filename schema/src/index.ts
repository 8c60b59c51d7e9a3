export * from './classification';
export * from './policy';
