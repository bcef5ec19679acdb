"""Example cases: the bundled seed situation and a generator of varied cases."""
