import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { allConfigs } from './configuration';

/**
 * Loads `.env` (if present). The namespaces validate the whole environment once as ConfigModule
 * loads them (see validatedEnvironment), before anything connects; importing this file validates
 * nothing, so code and unit specs can import @app/core without settings.
 */
@Global()
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      cache: true,
      // Tests set every value themselves; a developer's .env must not leak into them.
      ignoreEnvFile: process.env.NODE_ENV === 'test',
      load: allConfigs,
    }),
  ],
})
export class CoreConfigModule {}
