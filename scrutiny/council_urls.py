"""Committee business and assurance pages under /<council>/."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
