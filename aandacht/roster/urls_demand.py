"""The demand and capacity screens, under "roster/"."""

from django.urls import path

from aandacht.roster.demand import views

urlpatterns = [
    path("demand/", views.regions, name="roster_demand_regions"),
    path("demand/<slug:code>/", views.overview, name="roster_demand"),
    path(
        "demand/<slug:code>/estimate/",
        views.estimate,
        name="roster_demand_estimate",
    ),
    path("demand/<slug:code>/import/", views.import_log, name="roster_demand_import"),
    path("demand/<slug:code>/lines/", views.lines, name="roster_lines"),
    path(
        "demand/<slug:code>/lines/defaults/",
        views.lines_defaults,
        name="roster_lines_defaults",
    ),
    path("demand/<slug:code>/lines/new/", views.line_new, name="roster_line_new"),
    path(
        "demand/<slug:code>/lines/<int:line_id>/",
        views.line_change,
        name="roster_line_change",
    ),
    path("demand/<slug:code>/capacity/", views.capacity, name="roster_capacity"),
    path("demand/<slug:code>/needed/", views.needed, name="roster_lines_needed"),
]
