"""Hip, glute and core strengthening: the exercise library, plan generator and pain-guided rules."""
