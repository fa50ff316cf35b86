"""Research exports: the form that downloads them, and the data dictionary page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import (
    FileResponse,
    HttpRequest,
    HttpResponse,
    StreamingHttpResponse,
)
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from aandacht.core.access import current_user
from aandacht.insights.exports import access, csvfile, rows, services, xlsxfile
from aandacht.insights.exports.dictionary import data_dictionary
from aandacht.insights.exports.forms import ExportForm

TEMPLATE = "insights/exports/export.html"


@require_http_methods(["GET", "POST"])
@login_required
def export_contacts(request: HttpRequest) -> HttpResponseBase:
    """GET shows the form; POST checks it, records the export and sends it."""
    user = current_user(request)
    regions = access.export_regions(user)
    allow_all = access.may_choose_all(user)
    form = ExportForm(request.POST or None, regions=regions, allow_all=allow_all)
    if request.method == "POST":
        scope = access.export_scope(user, request.POST.get("region"))
        if form.is_valid() and scope is not None:
            spec = rows.ExportSpec(
                scope, form.period, form.cleaned_data["include_summaries"]
            )
            count = rows.export_count(spec)
            file_format = form.cleaned_data["file_format"]
            if file_format == "xlsx" and count > xlsxfile.XLSX_ROW_LIMIT:
                form.add_error("file_format", _too_many_for_xlsx(count))
            else:
                services.export_record(
                    actor=user,
                    spec=spec,
                    file_format=file_format,
                    rows=count,
                    request=request,
                )
                return _download(spec, file_format)
    context = {"form": form, "limit": xlsxfile.XLSX_ROW_LIMIT}
    return render(request, TEMPLATE, context)


def _too_many_for_xlsx(count: int) -> str:
    return _(
        "These are %(count)s contacts: more than an Excel workbook from Aandacht "
        "holds (%(limit)s). Choose CSV, which has no limit, or a shorter period."
    ) % {
        "count": number_format(count, force_grouping=True),
        "limit": number_format(xlsxfile.XLSX_ROW_LIMIT, force_grouping=True),
    }


def _file_name(spec: rows.ExportSpec, extension: str) -> str:
    scope = spec.scope.code or "all"
    period = f"{spec.period.first:%Y%m%d}-{spec.period.last:%Y%m%d}"
    return f"contacts-{scope}-{period}.{extension}"


def _download(spec: rows.ExportSpec, file_format: str) -> HttpResponseBase:
    dictionary = data_dictionary(include_summaries=spec.include_summaries)
    contacts = rows.export_rows(spec, dictionary)
    response: HttpResponseBase
    if file_format == "xlsx":
        response = FileResponse(
            xlsxfile.workbook_file(dictionary, contacts),
            as_attachment=True,
            filename=_file_name(spec, "xlsx"),
            content_type=(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            ),
        )
    else:
        stream = csvfile.zip_stream(dictionary, contacts, separator=csvfile.delimiter())
        response = StreamingHttpResponse(stream, content_type="application/zip")
        name = _file_name(spec, "zip")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_GET
@login_required
def export_dictionary(request: HttpRequest) -> HttpResponse:
    """Every column of an export, with its codes, in the interface language."""
    access.export_regions(current_user(request))
    context = {
        "dictionary": data_dictionary(include_summaries=True),
        "separator": csvfile.delimiter(),
        "limit": xlsxfile.XLSX_ROW_LIMIT,
    }
    return render(request, "insights/exports/dictionary.html", context)
