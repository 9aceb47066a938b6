// Loaded into the API with `node -r` by the bench: the first SIGWINCH starts the V8 CPU profiler, the
// second writes the profile to BENCH_CPU_PROFILE_FILE. (`--cpu-prof` only writes on a normal exit, and
// Nest's shutdown hooks claim SIGUSR2 and re-raise SIGTERM, so the process never exits normally.)
const inspector = require('node:inspector');
const fs = require('node:fs');

const session = new inspector.Session();
session.connect();
let running = false;
process.on('SIGWINCH', () => {
  if (!running) {
    running = true;
    session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 500 }, () => session.post('Profiler.start')));
    return;
  }
  session.post('Profiler.stop', (error, result) => {
    running = false;
    const file = process.env.BENCH_CPU_PROFILE_FILE;
    if (!error && file) fs.writeFileSync(`${file}.tmp`, JSON.stringify(result.profile));
    if (!error && file) fs.renameSync(`${file}.tmp`, file);
  });
});
