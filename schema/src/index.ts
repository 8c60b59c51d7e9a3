export * from './classification';
export * from './policy';
export * from './subgraph-sdl';
