"""Evaluation: dataset readers and metrics."""
