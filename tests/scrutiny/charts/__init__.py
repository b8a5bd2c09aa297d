"""Tests for scrutiny.charts, one file per module."""
