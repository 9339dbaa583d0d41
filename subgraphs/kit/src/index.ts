import 'reflect-metadata';

// What the gateway shares with the subgraphs, re-exported so a subgraph has one import for its toolkit.
export * from '@kh02/common';

export * from './access';
export * from './config';
export * from './identity';
export * from './context';
export * from './dataset';
export * from './federation';
export * from './migration';
export * from './orm';
export * from './scalars';
export * from './server';
export * from './text';
export * from './types/connection';
export * from './types/coverage';
export * from './types/enums';
export * from './main';
export * from './asof';
export * from './ranking';
export * from './assemble';
export * from './module';
export * from './ids';
export * from './availability';
export * from './write';
