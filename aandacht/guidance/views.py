"""Guidance screens: the typology panel's live result, lessons and the case quiz."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET, require_http_methods

from aandacht.core.access import current_user, has_any_role, require_any_role
from aandacht.guidance import access, assistant, content, selectors, services, typology
from aandacht.guidance.choices import QUESTIONS
from aandacht.guidance.forms import VignetteForm


@require_GET
@login_required
def typology_panel(request: HttpRequest) -> HttpResponse:
    """The assistant's result for the answers so far, as the form's panel shows it."""
    require_any_role(request.user, access.PANEL_ROLES)
    prefix = assistant.FIELD_PREFIX
    result = assistant.panel(
        network=request.GET.get(prefix + "network", ""),
        psychiatric=request.GET.get(prefix + "psychiatric", ""),
        participation=request.GET.get(prefix + "participation", ""),
    )
    response = render(request, "guidance/_typology_result.html", {"panel": result})
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


@require_GET
@login_required
def learn(request: HttpRequest) -> HttpResponse:
    """The lessons and the case quiz, with the volunteer's progress."""
    require_any_role(request.user, access.LEARN_ROLES)
    words = assistant.guidance()
    context = {
        "lessons": sorted(words.lessons.values(), key=lambda lesson: lesson.order),
        "progress": selectors.quiz_progress(current_user(request), words),
        "can_see_choices": has_any_role(request.user, access.CHOICES_ROLES),
    }
    return render(request, "guidance/learn.html", context)


@require_GET
@login_required
def lesson(request: HttpRequest, key: str) -> HttpResponse:
    require_any_role(request.user, access.LEARN_ROLES)
    words = assistant.guidance()
    if key not in words.lessons:
        raise Http404
    lessons = sorted(words.lessons.values(), key=lambda item: item.order)
    index = [item.key for item in lessons].index(key)
    context = {
        "lesson": words.lessons[key],
        "next_lesson": lessons[index + 1] if index + 1 < len(lessons) else None,
        "words": words,
    }
    return render(request, "guidance/lesson.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def case(request: HttpRequest, number: int) -> HttpResponse:
    """One case vignette: answer the three questions and name the type.

    Cases are addressed by their number in the quiz, not by their key, which
    names the type the volunteer is asked to find ("actives_1").
    """
    require_any_role(request.user, access.LEARN_ROLES)
    words = assistant.guidance()
    keys = list(words.vignettes)
    if not 1 <= number <= len(keys):
        raise Http404
    key = keys[number - 1]
    vignette = words.vignettes[key]
    form = VignetteForm(request.POST or None, words=words)
    context: dict[str, object] = {"vignette": vignette, "form": form, "number": number}
    if request.method == "POST" and form.is_valid():
        answer = services.vignette_answer(
            volunteer=current_user(request),
            vignette=key,
            expected_type=vignette.type,
            content_version=words.version,
            **form.cleaned_data,
        )
        context |= {
            "answer": answer,
            "expected": words.types[vignette.type],
            "chosen": words.types[answer.chosen_type],
            "question_checks": _question_checks(form.cleaned_data, vignette),
            "next_case": number + 1 if number < len(keys) else None,
        }
    return render(request, "guidance/case.html", context)


def _question_checks(
    answers: dict[str, str], vignette: content.Vignette
) -> list[tuple[str, bool]]:
    """Per question, its label and whether the volunteer's answer matches the case."""
    return [
        (str(QUESTIONS[name]), answers[name] == getattr(vignette, name))
        for name in ("network", "psychiatric", "participation")
    ]


@require_GET
@login_required
def case_choices(request: HttpRequest) -> HttpResponse:
    """For supervisors: per case, how often volunteers chose each type."""
    require_any_role(request.user, access.CHOICES_ROLES)
    words = assistant.guidance()
    counts = selectors.vignette_choices(request.user)
    rows = [
        {
            "vignette": vignette,
            "total": sum(counts[key].values()),
            "choices": [
                (words.types[code], counts[key][code], code == vignette.type)
                for code in typology.TYPES
            ],
        }
        for key, vignette in words.vignettes.items()
    ]
    types = [words.types[code] for code in typology.TYPES]
    return render(request, "guidance/case_choices.html", {"rows": rows, "types": types})
