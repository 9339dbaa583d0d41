export * from './auth';
export * from './caller';
export * from './errors';
export * from './runtime';
export * from './validation';
export * from './registry';
export * from './scalars';
