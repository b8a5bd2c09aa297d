"""Breakdowns: a figure for a group within the council (age band, gender, ethnicity ...).

A breakdown's groups are a controlled list shipped as data (migration ``0005_breakdowns``)
under the Department for Education's published category names. A council says which
breakdowns it reports for an indicator (``choose.py``); the officer enters them in the
return's "Indicators by group" section (``returns.py``); the scorecard, the indicator page
and a report block show them as a table (``tables.py``); ``import_statistics`` reads them
from the DfE characteristic columns (``statistics.py``). ``checks.py`` holds the one rule
that a breakdown's parts never add up to more than the whole.
"""
