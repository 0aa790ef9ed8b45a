"""Bridges to other game frameworks. ``openspiel`` needs the optional extra (``pip install .[openspiel]``).

``actions`` and ``views`` are pure and import nothing beyond the engine, so
they can be used and tested without OpenSpiel installed.
"""
