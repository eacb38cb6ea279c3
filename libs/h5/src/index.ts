// The public face of @app/h5. Named exports only; anything not listed here is internal.
export { H5Module } from './h5.module';
// Settings this lib owns (validated with every lib's at boot).
export { h5Config, H5Settings } from './h5.settings';
export type { H5Config } from './h5.settings';
