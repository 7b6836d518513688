"""Import the runner's own history: the Strava bulk export and loose FIT, GPX and TCX files."""
