export * from './admin.module';
export * from './auth';
export * from './common/api-error.response';
