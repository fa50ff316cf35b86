"""The reads behind the call-back screens; none of them decrypts a number."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.paginator import Page, Paginator

from aandacht.callbacks import workdays
from aandacht.callbacks.models import CallbackQuerySet, CallbackRequest

DONE_PER_PAGE = 50


@dataclass(frozen=True)
class QueueRow:
    callback: CallbackRequest
    overdue: bool
    due_today: bool


@dataclass(frozen=True)
class Queue:
    rows: list[QueueRow]
    page: Page[CallbackRequest] | None
    open_count: int
    overdue_count: int


def _row(callback: CallbackRequest, today: date) -> QueueRow:
    is_open = callback.is_open
    return QueueRow(
        callback,
        overdue=is_open and callback.due_on < today,
        due_today=is_open and callback.due_on == today,
    )


def queue(
    requests: CallbackQuerySet,
    *,
    show_done: bool,
    today: date,
    page_number: str | None = None,
) -> Queue:
    """Open requests by due date, the oldest due first (so overdue ones lead);
    or the done ones, the latest first, a page at a time."""
    joined = requests.select_related("region", "created_by")
    open_requests = requests.open()
    overdue_count = open_requests.filter(due_on__lt=today).count()
    open_count = open_requests.count()
    if show_done:
        done = joined.filter(status=CallbackRequest.Status.DONE).select_related(
            "done_by"
        )
        page = Paginator(done.order_by("-done_at", "-pk"), DONE_PER_PAGE).get_page(
            page_number
        )
        rows = [_row(callback, today) for callback in page.object_list]
        return Queue(rows, page, open_count, overdue_count)
    rows = [
        _row(callback, today)
        for callback in joined.open().order_by("due_on", "created_at", "pk")
    ]
    return Queue(rows, None, open_count, overdue_count)


def due_count(requests: CallbackQuerySet, *, today: date) -> int:
    """Open requests due today or earlier, for the home page's badge."""
    return requests.open().filter(due_on__lte=today).count()


def callback_hours(due_on: date) -> dict[str, object]:
    """What a volunteer tells the caller: the day and the hours of the call."""
    return {
        "due_on": due_on,
        "opens": workdays.OPENS,
        "closes": workdays.CLOSES,
    }
