export * from './model';
export * from './builtInRoles';
export * from './evaluate';
export * from './words';
