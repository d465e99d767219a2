"""The core types every layer shares: segments, findings, places, errors, atomic writes."""
