"""Every module of the orchestration layer must be listed in hygiene_allowlist.txt."""

import sys
from pathlib import Path

allowed = set(Path("hygiene_allowlist.txt").read_text().split())
found = sorted(p.relative_to("src").as_posix() for p in Path("src/app/orchestration").rglob("*.py"))
missing = [name for name in found if name not in allowed]
for name in missing:
    print(f"not in hygiene_allowlist.txt: {name}")
sys.exit(1 if missing else 0)
