"""The public API is exactly __all__."""

import newsgraph


def test_public_api_is_all():
    public = {n for n in dir(newsgraph) if not n.startswith("_")}
    modules = {n for n in public if type(getattr(newsgraph, n)).__name__ == "module"}
    assert public - modules == set(newsgraph.__all__) - {"__version__"}
