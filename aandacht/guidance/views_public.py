"""The public self-test: no login, no cookie but CSRF's, nothing kept but a count.

The language comes from the address (`/zelftest/` or `/self-test/`), not from
a cookie, so a visitor leaves no preference behind either.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from aandacht.core import ratelimit
from aandacht.guidance import content, scales, services
from aandacht.guidance.forms import SelfTestForm

SCALES: tuple[scales.ScaleCode, ...] = ("djg6", "djg11")
OTHER_LANGUAGE = {"nl": ("self_test_en", "English"), "en": ("self_test", "Nederlands")}


def _too_many_requests(
    request: HttpRequest, wait: int, *, language: str
) -> HttpResponse:
    with translation.override(language):
        return ratelimit.refusal_page(request, wait)


@never_cache
@ratelimit.rate_limited("self_test", "SELF_TEST_RATE_LIMIT", _too_many_requests)
@require_http_methods(["GET", "POST"])
def self_test(request: HttpRequest, language: str) -> HttpResponse:
    with translation.override(language):
        scale = _scale(request.POST.get("scale") or request.GET.get("scale"))
        words = content.load(language)
        form = SelfTestForm(request.POST or None, scale=scale, words=words)
        context = _page_context(language, scale, words) | {"form": form}
        if request.method == "POST" and form.is_valid():
            score = form.score()
            if score.category is not None:
                services.self_test_count(
                    day=timezone.localdate(), scale=scale, category=score.category
                )
                result = words.self_test.results[score.category]
                context |= {"score": score, "result": result}
                return render(request, "guidance/self_test_result.html", context)
            form.add_error(None, _too_many_skipped(scale))
        return render(request, "guidance/self_test.html", context)


def _scale(asked: str | None) -> scales.ScaleCode:
    return next((scale for scale in SCALES if scale == asked), "djg6")


def _too_many_skipped(scale: str) -> str:
    if scale == "djg6":
        return _("Answer at least five of the six statements to see a result.")
    return _("Answer at least nine of the eleven statements to see a result.")


def _page_context(
    language: str, scale: scales.ScaleCode, words: content.Content
) -> dict[str, object]:
    other_url, other_name = OTHER_LANGUAGE[language]
    return {
        "scale": scale,
        "words": words,
        "source": scales.SOURCES[scale],
        "other_language_url": other_url,
        "other_language_name": other_name,
        "other_language_code": "en" if language == "nl" else "nl",
        "line": _line_channels(),
    }


def _line_channels() -> list[dict[str, str]]:
    """How to reach the line, from the settings; a channel without address is hidden."""
    channels = []
    if settings.LINE_PHONE:
        channels.append(
            {
                "name": _("Phone"),
                "address": settings.LINE_PHONE,
                "href": "tel:" + settings.LINE_PHONE.replace(" ", ""),
                "hours": _hours(settings.LINE_PHONE_HOURS),
            }
        )
    if settings.LINE_CHAT_URL:
        channels.append(
            {
                "name": _("Chat"),
                "address": settings.LINE_CHAT_URL,
                "href": settings.LINE_CHAT_URL,
                "hours": _hours(settings.LINE_CHAT_HOURS),
            }
        )
    if settings.LINE_MAIL_URL:
        channels.append(
            {
                "name": _("Mail"),
                "address": settings.LINE_MAIL_URL,
                "href": settings.LINE_MAIL_URL,
                "hours": _("Write at any time."),
            }
        )
    return channels


def _hours(hours: tuple[str, str]) -> str:
    opens, closes = hours
    if (opens, closes) == ("00:00", "24:00"):
        return _("Day and night, every day of the year.")
    return _("Every day from %(opens)s to %(closes)s.") % {
        "opens": opens,
        "closes": closes,
    }
