export * from './audit.module';
export * from './stream-audit-recorder';
