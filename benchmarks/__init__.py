"""Measuring scripts: one per figure, each run from the repository root as ``python -m benchmarks.<name>``.

A package so that the scripts, the training scripts and the quality gate
(tests/test_quality_gate.py) share the readers and scorers without sys.path edits.
"""
