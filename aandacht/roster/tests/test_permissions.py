"""The roster screens' permission matrix, gathered from each part's own matrix.

The core matrix test imports `MATRIX` from here; each part keeps its rows
(and the test that runs them) beside its other tests.
"""

from __future__ import annotations

from aandacht.roster.tests.permissions_availability import (
    MATRIX as AVAILABILITY,
)
from aandacht.roster.tests.permissions_availability import (  # noqa: F401 (collected)
    test_availability_permission_matrix,
)
from aandacht.roster.tests.permissions_demand import MATRIX as DEMAND
from aandacht.roster.tests.permissions_demand import (  # noqa: F401 (collected here)
    test_demand_permission_matrix,
)
from aandacht.roster.tests.permissions_planning import MATRIX as PLANNING
from aandacht.roster.tests.permissions_planning import (  # noqa: F401 (collected here)
    test_planning_permission_matrix,
)
from aandacht.roster.tests.permissions_swaps import MATRIX as SWAPS
from aandacht.roster.tests.permissions_swaps import (  # noqa: F401 (collected here)
    test_swap_permission_matrix,
)

MATRIX = {**AVAILABILITY, **DEMAND, **PLANNING, **SWAPS}
