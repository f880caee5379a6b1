"""The MkDocs side of extrel: the plugin and the per-site configurations. Thin by design."""
