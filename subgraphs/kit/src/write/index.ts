export * from './entities';
export * from './write';
export * from './cutoffs';
export * from './audit';
export * from './rows';
export * from './migration';
export * from './publication';
