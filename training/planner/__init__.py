"""Recovery-week planner: plan weeks, the runner's own load model, generator and projection."""
