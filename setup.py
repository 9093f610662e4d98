"""The one build step that pyproject.toml cannot declare: compiled translation catalogues.

Django reads ``.mo`` files, git keeps ``.po`` files. When the package is built (a wheel, or the
wheel pip builds for ``pip install .``), every ``locale/<language>/LC_MESSAGES/*.po`` inside the
package is compiled beside itself with polib, in pure Python, so building needs no gettext tools
and a non-editable install serves every language. An editable install reads the source tree,
whose catalogues ``mekendesh compilemessages`` compiles (``./run`` does).
"""

from __future__ import annotations

from pathlib import Path

import polib
from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithCatalogues(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for po_path in sorted(Path(self.build_lib, "mekendesh").rglob("locale/*/LC_MESSAGES/*.po")):
            polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))


setup(cmdclass={"build_py": BuildPyWithCatalogues})
