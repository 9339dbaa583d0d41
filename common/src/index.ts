export * from './access';
export * from './auth';
export * from './caller';
export * from './errors';
export * from './internal-token';
export * from './runtime';
export * from './validation';
export * from './registry';
