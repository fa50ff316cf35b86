from django.urls import URLPattern, URLResolver, path

from aandacht.insights.partner import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("partner/", views.partner_reports, name="partner_reports"),
    path("partner/<slug:code>/", views.partner_report, name="partner_report"),
    path(
        "partner/<slug:code>/report.pdf",
        views.partner_report_pdf,
        name="partner_report_pdf",
    ),
    path(
        "partner/<slug:code>/report.xlsx",
        views.partner_report_xlsx,
        name="partner_report_xlsx",
    ),
]
