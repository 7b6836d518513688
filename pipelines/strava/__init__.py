"""Strava: OAuth, the token store, the API client and the resumable activity sync."""
