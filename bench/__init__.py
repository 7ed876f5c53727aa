# Benchmark tooling: a synthetic national-size data set (generate) and the build benchmark (run).
