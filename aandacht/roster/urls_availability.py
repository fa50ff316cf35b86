from django.urls import path

from aandacht.roster.availability import views

urlpatterns = [
    path("regions/", views.regions, name="roster_regions"),
    path("regions/<slug:code>/register/", views.register, name="roster_register"),
    path(
        "regions/<slug:code>/register/<int:volunteer_id>/",
        views.register_entry,
        name="roster_register_entry",
    ),
    path("regions/<slug:code>/months/", views.months, name="roster_months"),
    path(
        "months/<int:roster_id>/availability/",
        views.availability,
        name="roster_availability",
    ),
]
