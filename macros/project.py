# Where the project is: the folder holding data/, docs/, overrides/ and mkdocs.yml (this checkout), for the code
# that needs a default. mkdocs' hooks are loaded by file path and compute it themselves before macros is importable.
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
