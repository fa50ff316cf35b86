"""The insights screens' permission matrix, gathered from each part's own matrix.

The core matrix test imports `MATRIX` from here; each part keeps its rows
(and the test that runs them) beside its other tests.
"""

from __future__ import annotations

from aandacht.insights.tests.permissions_dashboard import MATRIX as DASHBOARD
from aandacht.insights.tests.permissions_dashboard import (  # noqa: F401 (collected here)
    test_dashboard_permission_matrix,
)
from aandacht.insights.tests.permissions_exports import MATRIX as EXPORTS
from aandacht.insights.tests.permissions_exports import (  # noqa: F401 (collected here)
    test_export_permission_matrix,
    test_only_coordinators_of_the_region_download_an_export,
)
from aandacht.insights.tests.permissions_partner import MATRIX as PARTNER
from aandacht.insights.tests.permissions_partner import (  # noqa: F401 (collected here)
    test_partner_permission_matrix,
)

MATRIX = {**DASHBOARD, **EXPORTS, **PARTNER}
