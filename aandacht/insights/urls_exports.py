from django.urls import URLPattern, URLResolver, path

from aandacht.insights.annual import views as annual
from aandacht.insights.exports import views as exports

urlpatterns: list[URLPattern | URLResolver] = [
    path("exports/", exports.export_contacts, name="insights_export"),
    path(
        "exports/dictionary/",
        exports.export_dictionary,
        name="insights_export_dictionary",
    ),
    path("annual/", annual.annual_report, name="insights_annual"),
    path("annual/pdf/", annual.annual_report_pdf, name="insights_annual_pdf"),
]
