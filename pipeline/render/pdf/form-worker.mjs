// Worker entry of form-pool.ts. Plain JavaScript: a worker thread does not inherit the
// TypeScript loader the CLI registered, so it registers tsx itself before loading the
// TypeScript that draws the forms.
import { register } from 'tsx/esm/api';

register();
await import('./form-worker-main.ts');
