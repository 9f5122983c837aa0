"""Polls and votes.

tally278: the Civil Code Art. 278 count (pure, exact) · eligibility: who votes under which
key · ballots: casting, changing, paper ballots · cards: the group card and batched edits ·
lifecycle: draft → open → closed / cancelled · results: the stored result · turnout: who
has (not) voted, reminders · export: CSV and chart · parse / paper: organizer input.
"""
