# Runs a reference script and prints its peak resident set size afterwards, so the benchmark can compare
# memory as well as speed: python3 rss_wrapper.py SCRIPT [ARGS...]  -> last line "peak_rss_mb N".
import resource, runpy, sys
script = sys.argv[1]
sys.argv = sys.argv[1:]
runpy.run_path(script, run_name="__main__")
print(f"peak_rss_mb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}", flush=True)
