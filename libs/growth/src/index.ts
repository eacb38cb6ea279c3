// The public face of @app/growth. Named exports only; anything not listed here is internal.
export { GrowthModule } from './growth.module';
