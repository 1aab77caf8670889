"""Billing."""

from app.audit import log
