"""The run machinery: the engine, partitions, parallel and distributed runs, and the stores that spill to disk."""
