"""What the tests and the benchmarks share, and never ship: a fake Bot API to run the real process against
(with faults on demand), and generated networks of people. Nothing here is imported by ``bot``."""
