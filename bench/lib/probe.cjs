// Preloaded into every measured server (`node --require bench/lib/probe.cjs …`). Answers the benchmark over the
// IPC channel: CPU time of the whole process (all threads, so bcrypt workers and libuv crypto count), peak RSS
// and event-loop delay between a `start` and a `stop`. Nothing here touches the server's own code.
'use strict';
const { monitorEventLoopDelay } = require('node:perf_hooks');

if (typeof process.send === 'function') {
  let cpuAtStart = process.cpuUsage();
  let peakRss = 0;
  let sampler;
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });

  process.on('message', (message) => {
    if (!message || message.probe === undefined) return;
    if (message.probe === 'start') {
      cpuAtStart = process.cpuUsage();
      peakRss = process.memoryUsage.rss();
      loopDelay.reset();
      loopDelay.enable();
      clearInterval(sampler);
      sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
      process.send({ probe: 'started' });
    } else if (message.probe === 'stop') {
      clearInterval(sampler);
      loopDelay.disable();
      const cpu = process.cpuUsage(cpuAtStart);
      process.send({
        probe: 'stopped',
        cpuMicros: cpu.user + cpu.system,
        peakRss: Math.max(peakRss, process.memoryUsage.rss()),
        loopDelayMs: {
          p50: loopDelay.percentile(50) / 1e6,
          p99: loopDelay.percentile(99) / 1e6,
          max: loopDelay.max / 1e6,
        },
      });
    }
  });
  // The channel must not keep a server alive after it has been told to shut down.
  process.channel.unref();
}
