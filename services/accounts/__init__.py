"""Open accounts (明白账): exact money, append-only entries, reviews by a second person."""
