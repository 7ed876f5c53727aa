# Command-line layer: `python -m macros` for maintainers: check, schemas, scaffolds, draft-notice, publish-check.
