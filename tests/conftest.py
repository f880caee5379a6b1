import sys
from pathlib import Path

# tests/regions.py holds the fixture regions shared by build and CLI tests
sys.path.insert(0, str(Path(__file__).resolve().parent))
