"""Shared fixtures. Matplotlib draws off-screen (Agg) in every test."""
import os

os.environ.setdefault("MPLBACKEND", "Agg")
