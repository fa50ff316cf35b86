"""Every export is recorded in the audit log, before its first byte is sent.

The detail holds codes, counts and dates only: the format, the number of
contacts, the period, the region (or "all") and whether the scrubbed
summaries went with it. Never a filter text, a file name typed by someone,
or any content of the export.
"""

from __future__ import annotations

from django.http import HttpRequest

from aandacht.core.models import AuditEvent, User
from aandacht.core.services import audit_record
from aandacht.insights.exports.rows import ExportSpec

# Not (yet) one of AuditEvent.Action's choices: the lead adds it there with
# its label; the code itself is stable.
EXPORT_ACTION = AuditEvent.Action.EXPORTED


def export_record(
    *,
    actor: User,
    spec: ExportSpec,
    file_format: str,
    rows: int,
    request: HttpRequest | None = None,
) -> AuditEvent:
    return audit_record(
        action=EXPORT_ACTION,
        actor=actor,
        request=request,
        region=spec.scope.region,
        detail={
            "format": file_format,
            "rows": rows,
            "first": spec.period.first.isoformat(),
            "last": spec.period.last.isoformat(),
            "scope": spec.scope.code or "all",
            "summaries": spec.include_summaries,
        },
    )
