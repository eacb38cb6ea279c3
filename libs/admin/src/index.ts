export * from './admin.module';
export * from './auth';
