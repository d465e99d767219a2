"""A project's files and settings: termcheck.toml, file discovery, the ignore file, baselines, output files."""
