"""Wall time, CPU time and peak resident memory of one call, for the probes that bench/measure.py runs in a fresh
process. Memory is sampled every 5 ms in a thread; peak_mb is the peak above the resident set just before the call."""

import threading
import time

import psutil


class PeakRss(threading.Thread):
    def __init__(self):
        super().__init__(daemon=True)
        self.process = psutil.Process()
        self.peak = self.process.memory_info().rss
        self.running = True

    def run(self):
        while self.running:
            self.peak = max(self.peak, self.process.memory_info().rss)
            time.sleep(0.005)


def measure(fn, *, with_baseline=False):
    """(fn(), {"seconds", "cpu_seconds", "peak_mb"[, "baseline_mb"]})."""
    baseline = psutil.Process().memory_info().rss
    sampler = PeakRss()
    sampler.start()
    started, cpu = time.perf_counter(), time.process_time()
    value = fn()
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    sampler.running = False
    sampler.join()
    figures = {"seconds": seconds, "cpu_seconds": cpu_seconds, "peak_mb": (sampler.peak - baseline) / 2**20}
    if with_baseline:
        figures["baseline_mb"] = baseline / 2**20
    return value, figures
