"""Reference data shipped with the code, in readable modules.

The data migrations of :mod:`mekendesh.reference` load these with ``update_or_create`` (see
:mod:`mekendesh.reference.loading`), so a fresh database and every test database have them.
Names are given in English, Russian, Kyrgyz, Turkmen, Tajik and Uzbek (``en``, ``ru``, ``ky``,
``tk``, ``tg``, ``uz``); a blank Tajik or Uzbek name is shown in Russian. The regions and districts
of every country of origin are in :mod:`~mekendesh.reference.data.origins`, the consular districts
of each in :mod:`~mekendesh.reference.data.abroad`.
"""
