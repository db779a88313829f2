-- Printed once at the end of a wrk run: what bench/run.py reads.
done = function(summary, latency, requests)
  io.write(string.format("BENCH %d %d %d %d %.0f %.0f %.0f\n", summary.requests, summary.duration,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    summary.bytes, latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
