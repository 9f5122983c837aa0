"""Duty rosters: rules, dated shifts, filling, reminders, swaps, coverage and check-in."""
