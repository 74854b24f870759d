"""Calls for proposals (indkaldelser): a question on themes, open between two dates."""
