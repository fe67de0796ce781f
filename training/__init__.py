"""Scripts that build files shipped in src/newsgraph/data, run as ``python -m training.<name>``.

They are kept apart from benchmarks/ because they write the package's data
(the line classifier, the recogniser weights, the gazetteer's area table)
rather than measure it.
"""
