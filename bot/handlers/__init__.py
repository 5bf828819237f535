"""Telegram glue: one module per command family. Parse the words, call the coach, render a template, reply."""
