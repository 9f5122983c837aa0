"""Complaint and repair tickets: intake, the steward queue, the escalation ladder, replies
both ways, "is it fixed?" and ratings, mediation and the suggestion digest.

lifecycle holds the one table of allowed transitions; every other module goes through it.
"""
