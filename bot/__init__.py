"""Nurture: a Telegram networking coach."""
