"""traitrl: RL on beneficial traits, evaluated honestly."""

__version__ = "0.1.0"
