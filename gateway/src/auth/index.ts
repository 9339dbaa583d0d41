export * from './config';
export * from './dev-keys';
export * from './dev-token';
export * from './middleware';
export * from './verify';
