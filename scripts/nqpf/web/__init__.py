"""The reading site: pages built from data/ at MkDocs build time."""
