"""The ground floor: types, taxonomy, provenance, errors and content keys. Imports nothing else from traitrl."""
