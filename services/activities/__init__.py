"""Volunteer activities and what people earn and spend for them.

Modules: `setup` (create and publish), `signups` (sign-up, waitlist, approvals),
`attendance` (check-in, marks, closing with points), `cards` (the group card),
`reminders` (sweeps), `earning` (rules, manual awards), `statement` (/points views).
Points themselves move only through services.ledger.
"""
