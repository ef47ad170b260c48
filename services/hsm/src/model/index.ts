export * from './version';
export * from './objects';
export * from './clock';
export * from './hlc';
export * from './codec';
