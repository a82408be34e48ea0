// @ts-nocheck
export * from './topology';
export * from './selector';
export * from './ip-block';
export * from './port-match';
export * from './peer-match';
export * from './policy-types';
export * from './matcher';
export * from './rules';
export * from './expect';
