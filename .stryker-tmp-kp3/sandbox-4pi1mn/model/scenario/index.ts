// @ts-nocheck
export * from './pod';
export * from './policies';
export * from './families';
