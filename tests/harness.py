"""End-to-end harness: the production app, polling a Bot API emulator over HTTP."""
