"""Plotly figure builders: DataFrame in, go.Figure out, no Streamlit calls (unit-testable)."""
