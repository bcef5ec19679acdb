"""Salida's web application entry point (the web app arrives with the web issue)."""
