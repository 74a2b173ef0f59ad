"""The text catalogue's two languages, one module each (read through :mod:`beltlib.texts`)."""
