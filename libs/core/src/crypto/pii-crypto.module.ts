import { Module } from '@nestjs/common';
import { securityConfig, type SecurityConfig } from '../config/configuration';
import { PiiCipher } from './pii-cipher';

/** Provides the PiiCipher built from PII_ENCRYPTION_KEY / PII_ENCRYPTION_KEY_ID. */
@Module({
  providers: [
    {
      provide: PiiCipher,
      inject: [securityConfig.KEY],
      useFactory: (cfg: SecurityConfig) =>
        PiiCipher.fromKey(cfg.piiEncryptionKey, cfg.piiEncryptionKeyId),
    },
  ],
  exports: [PiiCipher],
})
export class PiiCryptoModule {}
