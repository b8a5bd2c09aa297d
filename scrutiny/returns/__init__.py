"""Quarterly return entry: the section registry, the validation rules and shared form bits."""
