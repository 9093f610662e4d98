import sys

from mekendesh.cli import main

sys.exit(main())
