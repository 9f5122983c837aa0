"""Process wiring for Red Steward: config, CLI, app factory, middlewares, delivery, web."""
