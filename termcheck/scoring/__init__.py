"""Scores against a reference: sacrebleu's metrics, and term accuracy in two defined ways."""
