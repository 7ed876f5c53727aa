# Tests of macros/data: models, loading with positions, cross-file checks, schemas.
