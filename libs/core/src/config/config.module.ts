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
      load: allConfigs,
      validate: validateEnvironment,
    }),
  ],
})
export class CoreConfigModule {}
