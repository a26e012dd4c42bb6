"""Trait-dose RL on TRL: the mix, the arms, reward adapters, the training entry point and verl export."""
