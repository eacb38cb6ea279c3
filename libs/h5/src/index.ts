// The public face of @app/h5. Named exports only; anything not listed here is internal.
export { H5Module } from './h5.module';
