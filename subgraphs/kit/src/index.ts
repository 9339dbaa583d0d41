import 'reflect-metadata';

export * from './auth';
export * from './config';
export * from './context';
export * from './dataset';
export * from './errors';
export * from './federation';
export * from './migration';
export * from './orm';
export * from './scalars';
export * from './server';
export * from './testing';
export * from './text';
export * from './types/connection';
export * from './types/coverage';
export * from './types/enums';
export * from './main';
export * from './asof';
