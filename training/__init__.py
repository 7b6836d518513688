"""Pure sports science for Stridewise: no I/O, no Streamlit, no DuckDB.

Everything here takes and returns plain values, pandas objects or frozen dataclasses, so the
dashboard, the pipelines and the tests share one implementation of every formula.
"""
