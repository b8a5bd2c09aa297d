"""Agenda packs and report PDFs under /<council>/: build, progress and download."""

urlpatterns: list = []
