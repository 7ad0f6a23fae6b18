/** Entry of one benchmark child process: prints its rows as JSON on stdout. */
import { benchStages } from './bench-stages.ts';
import { benchWatchLatency } from './watch-bench.ts';
import { benchLetters } from './letters-bench.ts';
import { benchReportXlsx } from './report-bench.ts';

const [mode, arg] = process.argv.slice(2);
const n = Number(arg);
let result: unknown;
if (mode === 'stages') result = await benchStages(n, { pdf: n <= 10_000, site: n <= 10_000 });
else if (mode === 'watch') result = await benchWatchLatency(n);
else if (mode === 'letters') result = await benchLetters(n);
else if (mode === 'xlsx') result = await benchReportXlsx(n);
else throw new Error(`unknown bench mode ${mode}`);
process.stdout.write(JSON.stringify(result));
