import { Matches } from 'class-validator';
import { defineSettings } from '@app/core';

/** The h5 edge's settings. Validated with every other lib's at boot. */
export class H5Settings {
  /** Public base of the H5 pages (https in production), written into share links and used as
   * the OAuth redirect's origin and the only origin JS-SDK configs are signed for. */
  @Matches(/^https?:\/\/[^/?#\s]+$/, {
    message: 'H5_BASE_URL must be an http(s) origin such as https://h5.example.com',
  })
  H5_BASE_URL = 'http://localhost:3000';
}

export const h5Config = defineSettings('h5', H5Settings, (s) => ({
  baseUrl: s.H5_BASE_URL.replace(/\/+$/, ''),
}));

export type H5Config = ReturnType<typeof h5Config>;
