export * from './check';
export * from './baseline-checks';
export * from './restricted-checks';
export * from './policy';
export * from './expect';
export * from './expect-audit';
export * from './version-skew';
