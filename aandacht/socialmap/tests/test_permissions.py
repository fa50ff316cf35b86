"""The social map's permission matrix, gathered from each part's own matrix.

The core matrix test imports `MATRIX` from here; each part keeps its rows
(and the test that runs them) beside its other tests.
"""

from __future__ import annotations

from aandacht.socialmap.tests.permissions_api import MATRIX as API
from aandacht.socialmap.tests.permissions_api import (  # noqa: F401 (collected here)
    test_api_permission_matrix,
    test_staff_only_fields_matrix,
)
from aandacht.socialmap.tests.permissions_directory import MATRIX as DIRECTORY
from aandacht.socialmap.tests.permissions_directory import (  # noqa: F401 (collected here)
    test_directory_permission_matrix,
    test_the_national_rows_are_screens_of_the_matrix,
)
from aandacht.socialmap.tests.permissions_panel import MATRIX as PANEL
from aandacht.socialmap.tests.permissions_panel import (  # noqa: F401 (collected here)
    test_panel_permission_matrix,
)

MATRIX = {**API, **DIRECTORY, **PANEL}
