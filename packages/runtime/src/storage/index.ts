export * from './blob-storage';
export * from './env';
export * from './file-blob-storage';
export * from './read-limited';
export * from './s3-blob-storage';
export * from './sniff';
