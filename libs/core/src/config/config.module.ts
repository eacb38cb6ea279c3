import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { allConfigs } from './configuration';
import { validateEnvironment } from './env.validation';

/** Loads `.env` (if present) and validates the whole environment once, before anything connects. */
@Global()
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      cache: true,
      // Tests set every value themselves; a developer's .env must not leak into them.
      ignoreEnvFile: process.env.NODE_ENV === 'test',
      load: allConfigs,
      validate: validateEnvironment,
    }),
  ],
})
export class CoreConfigModule {}
