from django.urls import URLPattern, URLResolver, path

from aandacht.insights.dashboard import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("dashboard/", views.dashboard, name="insights_dashboard"),
    path("dashboard/<slug:key>.csv", views.panel_csv, name="insights_panel_csv"),
]
