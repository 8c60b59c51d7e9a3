export * from './documents';
export * from './gate';
export * from './manifests';
export * from './release-check';
