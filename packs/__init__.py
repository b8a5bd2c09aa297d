"""Agenda packs and report PDFs: what goes in (``documents``), laying it out (``render``),
what may load (``fetcher``), who may have it (``access``) and the jobs (``services``)."""
