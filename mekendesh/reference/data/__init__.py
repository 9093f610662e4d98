"""Reference data shipped with the code, in readable modules.

The data migrations of :mod:`mekendesh.reference` load these with ``update_or_create`` (see
:mod:`mekendesh.reference.loading`), so a fresh database and every test database have them.
Names are given in English, Russian, Kyrgyz and Turkmen (``en``, ``ru``, ``ky``, ``tk``).
"""
