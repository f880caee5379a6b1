"""Pure logic of extrel: content model, validation, freshness, reports.

Nothing in this package imports MkDocs or click; "today" is always a parameter.
"""
