"""The demo's images where the browser tests' live server looks for them.

The test settings keep uploads in memory (``InMemoryStorage``), but Django's
live server answers ``/media/`` from ``MEDIA_ROOT`` on disk. Without this copy a
browser test gets a 404 for every image, or, on a machine where ``make demo``
ran, whichever files of the same name the demo left in ``./media``. Files saved
while the module runs (a rendition a page makes on its first visit) are written
through to the same folder.
"""

from pathlib import Path

import pytest
from django.core.files.storage import storages
from django.test import override_settings


def _copy(storage, folder, target):
    folders, files = storage.listdir(folder)
    for name in files:
        path = f"{folder}{name}"
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        with storage.open(path) as source:
            (target / path).write_bytes(source.read())
    for name in folders:
        _copy(storage, f"{folder}{name}/", target)


@pytest.fixture(scope="module")
def media_on_disk(demo_site, tmp_path_factory):
    root = Path(tmp_path_factory.mktemp("media"))
    storage = storages["default"]
    _copy(storage, "", root)
    save = type(storage)._save

    def save_to_disk_too(self, name, content):
        name = save(self, name, content)
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        with self.open(name) as stored:
            (root / name).write_bytes(stored.read())
        return name

    with pytest.MonkeyPatch.context() as patch, override_settings(MEDIA_ROOT=str(root)):
        patch.setattr(type(storage), "_save", save_to_disk_too)
        yield root
