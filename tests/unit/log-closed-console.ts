// A process whose console went away (tests/unit/log.test.ts): it logs as browser mode does — every uncaught
// exception to the log — and reports errors a few times after its parent closed its stdout and stderr.
import { systemClock } from '../../main/clock';
import { fileLogger } from '../../main/log';

const log = fileLogger(process.argv[2]!, systemClock);
process.on('uncaughtException', (err) => log.error('uncaught exception', err));
let n = 0;
const timer = setInterval(() => {
  log.error(`request ${++n} failed`, new Error('boom'));
  if (n === 10) {
    clearInterval(timer);
    setTimeout(() => process.exit(0), 200);
  }
}, 50);
