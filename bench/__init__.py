"""Performance benchmarks of the bot against the Bot API emulator; see README, Performance."""
