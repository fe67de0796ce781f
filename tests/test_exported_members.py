"""The public API is exactly __all__: every name in it exists, every public name is in it."""

import types

import newsgraph


def test_public_api_is_all():
    for name in newsgraph.__all__:
        assert hasattr(newsgraph, name), name
    public = {n for n in dir(newsgraph) if not n.startswith("_")}
    non_modules = {n for n in public if not isinstance(getattr(newsgraph, n), types.ModuleType)}
    assert non_modules <= set(newsgraph.__all__)
