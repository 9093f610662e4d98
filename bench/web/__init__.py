"""Web benchmark: ``mekendesh serve`` on PostgreSQL with N demo people, driven by locust."""
