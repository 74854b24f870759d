"""`cocreate bench-data`: a municipality's worth of benchmark data, written in bulk."""

from cocreate.demo.bench.command import bench_data_command

__all__ = ["bench_data_command"]
