"""Assessment of a compound's property service: indicators per period, from the bot's rows."""
