# Data layer: the models with their own invariants, YAML read with positions, problems as file:line:col, cross-file checks, the loaded portal, schemas.
