export * from './database-url';
export * from './typeorm-options';
