/** Where the campaign fixtures live (real rows of seeds 000 and 001). */
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '../fixtures/campaign');
