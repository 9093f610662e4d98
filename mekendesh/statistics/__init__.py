"""Statistics: indicators computed from the register, official tables imported with their
sources, and the releases that publish them after disclosure control (:mod:`mekendesh.disclosure`)."""
