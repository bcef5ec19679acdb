"""`python -m letters generar CASO.json --tipo queja -o carta.pdf`."""

import sys

from letters.cli import main

sys.exit(main())
