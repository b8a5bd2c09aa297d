"""Tests for scorecards.charts, one file per module."""
