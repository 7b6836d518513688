"""The runner's own entries: pain, daily check-ins and session RPE, validated and kept safe."""
