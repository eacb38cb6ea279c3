import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseConfig, type DatabaseConfig } from '../config/configuration';
import { ensureDatabaseExists } from './database-url';
import { mysqlOptions } from './typeorm-options';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [databaseConfig.KEY],
      useFactory: async (cfg: DatabaseConfig) => {
        if (cfg.migrationsRun) await ensureDatabaseExists(cfg.url);
        return {
          ...mysqlOptions(cfg.url, cfg.poolSize),
          autoLoadEntities: true,
          migrationsRun: cfg.migrationsRun,
        };
      },
    }),
  ],
})
export class DatabaseModule {}
