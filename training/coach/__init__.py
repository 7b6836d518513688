"""The coach: warning rules that explain themselves and today's recommendation (pure)."""
